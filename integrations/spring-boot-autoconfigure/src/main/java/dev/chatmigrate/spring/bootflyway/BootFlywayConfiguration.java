package dev.chatmigrate.spring.bootflyway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring Boot's own Flyway, when the application uses it beside chatmigrate: {@link ApplicationFlywayBaseline}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer", "org.flywaydb.core.Flyway"})
public class BootFlywayConfiguration {

    @Bean
    ApplicationFlywayBaseline chatmigrateApplicationFlywayBaseline() {
        return new ApplicationFlywayBaseline();
    }
}
