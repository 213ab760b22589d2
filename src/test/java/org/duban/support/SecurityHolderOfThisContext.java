package org.duban.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Points the static {@link SecurityContextHolder} at this test's application context for the duration of a test.
 *
 * <p>Why: Vaadin's security configuration installs its own holder strategy, one per application context, each with
 * its own thread-local. When one test JVM holds two contexts (the MOCK one and the RANDOM_PORT one), the static holder
 * belongs to whichever started last, while {@code @WithUserDetails} and method security use the strategy bean of the
 * test's own context. {@code CurrentUser} reads the static holder, so without this it finds nobody signed in. In the
 * running application there is one context and both are the same object.
 *
 * <p>Registered for every test through JUnit's extension auto-detection (META-INF/services); it acts only on
 * {@code @SpringBootTest} classes.
 */
public class SecurityHolderOfThisContext implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SecurityHolderOfThisContext.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!AnnotatedElementUtils.hasAnnotation(context.getRequiredTestClass(), SpringBootTest.class)) {
            return;
        }
        org.springframework.context.ApplicationContext application = SpringExtension.getApplicationContext(context);
        // Same story for Camunda: every context registers its engine as "default" in the static ProcessEngines map,
        // and the REST API (/engine-rest) looks the engine up there. Point it at this test's engine, or a REST call of
        // an H2 test may land on a PostgreSQL context's engine.
        application.getBeanProvider(org.camunda.bpm.engine.ProcessEngine.class)
                .ifAvailable(org.camunda.bpm.engine.ProcessEngines::registerProcessEngine);
        SecurityContextHolderStrategy own = application.getBean(SecurityContextHolderStrategy.class);
        context.getStore(NAMESPACE).put("previous", SecurityContextHolder.getContextHolderStrategy());
        SecurityContextHolder.setContextHolderStrategy(own);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolderStrategy previous =
                context.getStore(NAMESPACE).remove("previous", SecurityContextHolderStrategy.class);
        if (previous != null) {
            SecurityContextHolder.setContextHolderStrategy(previous);
        }
    }
}
