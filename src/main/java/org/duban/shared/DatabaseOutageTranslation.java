package org.duban.shared;

import java.lang.reflect.Modifier;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;

/**
 * Around every Duban service, outside its transaction (so failures at begin and at commit are caught too): a lost or
 * refused database connection becomes a {@link DatabaseUnavailableException}, whose message the screens show as it
 * is, instead of a pool timeout or an I/O error from the driver.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageTranslation {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor databaseOutageAdvisor() {
        MethodInterceptor translate = invocation -> {
            try {
                return invocation.proceed();
            } catch (RuntimeException e) {
                if (DatabaseUnavailableException.isConnectionFailure(e)) {
                    throw new DatabaseUnavailableException(e);
                }
                throw e;
            }
        };
        AnnotationMatchingPointcut services = new AnnotationMatchingPointcut(Service.class, true);
        ClassFilter dubanServices = type -> type.getName().startsWith("org.duban.")
                && !Modifier.isFinal(type.getModifiers()) && services.getClassFilter().matches(type);
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new org.springframework.aop.support.ComposablePointcut(dubanServices), translate);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
