package org.duban.process;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link EngineRestDeploymentFilter} for Camunda Modeler's deploy call only. Order 100: after Spring
 * Security's filter chain (order -100), which has authenticated the admin by then; before the engine's REST servlet.
 *
 * <p>Why a servlet filter and not an engine plugin (parse listener or deployer): the REST caller must get a 400 with
 * every problem listed by file and line, which an exception from inside the engine's deploy command would turn into a
 * generic 500/400 without the list; the empty {@code tenant-id} must be removed before the REST API reads it; and the
 * admin screen runs the same {@link DeploymentValidator} itself before calling the engine, so both paths share one set
 * of rules without validating twice. The bpmn/ deployment at start-up is not affected.
 */
@Configuration
class ProcessRestConfiguration {

    static final int ORDER = 100;

    @Bean
    FilterRegistrationBean<EngineRestDeploymentFilter> engineRestDeploymentValidation(
            ProcessLifecycleService lifecycle) {
        FilterRegistrationBean<EngineRestDeploymentFilter> registration =
                new FilterRegistrationBean<>(new EngineRestDeploymentFilter(lifecycle));
        registration.addUrlPatterns(EngineRestDeploymentFilter.PATH);
        registration.setOrder(ORDER);
        registration.setName("engineRestDeploymentValidation");
        return registration;
    }
}
