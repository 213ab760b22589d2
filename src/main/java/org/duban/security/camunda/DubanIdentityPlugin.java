package org.duban.security.camunda;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.authorization.Groups;
import org.duban.org.CandidateGroups;
import org.duban.org.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Plugs Duban's users and groups into the engine as its (read-only) identity provider, and makes Duban's ADMIN group
 * a Camunda admin group, so admins have full rights in Cockpit and Admin once authorization checks are on.
 */
@Component
public class DubanIdentityPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DubanIdentityPlugin.class);

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

    /**
     * An admin group only passes the engine's identity and admin checks; every other resource needs an authorization.
     * Grants Duban's ADMIN group ALL on every resource type (what Camunda's own first-admin setup grants
     * camunda-admin), once: /engine-rest and Cockpit then work for admins with authorization checks on.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        String group = CandidateGroups.of(Role.ADMIN);
        int granted = 0;
        for (Resources resource : Resources.values()) {
            boolean present = authorizations.createAuthorizationQuery().groupIdIn(group)
                    .resourceType(resource).resourceId(Authorization.ANY).count() > 0;
            if (present) {
                continue;
            }
            Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            all.setGroupId(group);
            all.setResource(resource);
            all.setResourceId(Authorization.ANY);
            all.addPermission(Permissions.ALL);
            try {
                authorizations.saveAuthorization(all);
                granted++;
            } catch (RuntimeException e) {
                // another node granted it at the same moment (unique constraint): fine
                log.info("Authorization for {} on {} not saved: {}", group, resource, e.getMessage());
            }
        }
        if (granted > 0) {
            log.info("Granted group {} all permissions on {} Camunda resource types", group, granted);
        }
    }
}
