package org.duban.security.camunda;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.authorization.Groups;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.springframework.stereotype.Component;

/**
 * Plugs Duban's users and groups into the engine as its (read-only) identity provider, and makes Duban's ADMIN group
 * a Camunda admin group, so admins have full rights in Cockpit and Admin once authorization checks are on.
 */
@Component
public class DubanIdentityPlugin extends AbstractProcessEnginePlugin {

    private final IdentityDirectory directory;

    public DubanIdentityPlugin(IdentityDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new DubanIdentityProvider(directory);
            }
        });
        List<String> adminGroups = new ArrayList<>(List.of(Groups.CAMUNDA_ADMIN, CandidateGroups.of(Role.ADMIN)));
        configuration.setAdminGroups(adminGroups);
    }
}
