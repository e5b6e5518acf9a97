package dev.chatmigrate.spring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults {@code spring.flyway.enabled} and {@code spring.liquibase.enabled} to {@code false}. The
 * adapters put flyway-core and liquibase-core on the class path, which would make Spring Boot's own
 * Flyway and Liquibase auto-configurations run too (Flyway on {@code classpath:db/migration} refuses
 * the chatbot's non-empty schema without its history table). A property the application set anywhere
 * (application properties, environment, command line, {@code SpringApplication} default properties)
 * is left alone, so an application that uses Spring Boot's Flyway or Liquibase for tables of its own
 * sets it to {@code true} as usual. They apply whatever {@code chatmigrate.enabled} is: they are about
 * who owns the chatbot's schema, not whether it is migrated at this start.
 */
public class EngineAutoConfigurationDefaults implements EnvironmentPostProcessor {

    /** The name of the property source holding the defaults. */
    public static final String SOURCE = "chatmigrateEngineDefaults";

    private static final List<String> SWITCHES = List.of("spring.flyway.enabled", "spring.liquibase.enabled");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        for (String key : SWITCHES) {
            if (!environment.containsProperty(key)) {
                defaults.put(key, "false");
            }
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
        }
    }
}
