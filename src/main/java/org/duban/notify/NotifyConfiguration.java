package org.duban.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyMailProperties.class)
class NotifyConfiguration {

    /** Until a real gateway is configured, SMS only reach the log. */
    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    LoggingSmsSender loggingSmsSender() {
        return new LoggingSmsSender();
    }
}
