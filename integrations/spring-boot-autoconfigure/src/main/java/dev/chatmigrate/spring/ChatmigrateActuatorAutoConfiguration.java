package dev.chatmigrate.spring;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With actuator present: a {@code chatmigrate} health indicator and an info contributor, both showing
 * the engine, the schema and its version.
 */
@AutoConfiguration(after = ChatmigrateAutoConfiguration.class)
@ConditionalOnBean(ChatmigrateInitializer.class)
public class ChatmigrateActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean(name = "chatmigrateHealthIndicator")
        @ConditionalOnMissingBean(name = "chatmigrateHealthIndicator")
        ChatmigrateHealthIndicator chatmigrateHealthIndicator(ChatmigrateInitializer initializer) {
            return new ChatmigrateHealthIndicator(initializer);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(InfoContributor.class)
    static class Info {

        @Bean
        @ConditionalOnMissingBean
        ChatmigrateInfoContributor chatmigrateInfoContributor(ChatmigrateInitializer initializer) {
            return new ChatmigrateInfoContributor(initializer);
        }
    }
}
