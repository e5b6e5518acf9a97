package dev.chatmigrate.spring;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Defaults {@code spring.flyway.enabled} and {@code spring.liquibase.enabled} to {@code false} when the application has
 * no migrations of its own for them. The adapters put flyway-core and liquibase-core on the class path, which would make
 * Spring Boot's own Flyway and Liquibase auto-configurations run with nothing to apply (Flyway then refuses a non-empty
 * schema without its history; Liquibase fails without its changelog). An application that has its own scripts where
 * Spring Boot looks for them ({@code spring.flyway.locations}, by default {@code classpath:db/migration}; the file
 * {@code spring.liquibase.change-log}) keeps Spring Boot's engine as it would without chatmigrate: both work beside
 * chatmigrate in the same schema, since chatmigrate's histories have names of their own (docs/design.md, "Shared
 * databases"). A property the application set anywhere is left alone. They apply whatever {@code chatmigrate.enabled} is.
 */
public class EngineAutoConfigurationDefaults implements EnvironmentPostProcessor {

    /** The name of the property source holding the defaults. */
    public static final String SOURCE = "chatmigrateEngineDefaults";

    private static final String FLYWAY = "spring.flyway.enabled";
    private static final String LIQUIBASE = "spring.liquibase.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ResourcePatternResolver resources = new PathMatchingResourcePatternResolver(application.getClassLoader());
        Map<String, Object> defaults = new HashMap<>();
        if (!environment.containsProperty(FLYWAY) && !hasFlywayScripts(resources, environment.getProperty("spring.flyway.locations", "classpath:db/migration"))) {
            defaults.put(FLYWAY, "false");
        }
        if (!environment.containsProperty(LIQUIBASE)
                && !resources.getResource(environment.getProperty("spring.liquibase.change-log", "classpath:/db/changelog/db.changelog-master.yaml")).exists()) {
            defaults.put(LIQUIBASE, "false");
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
        }
    }

    /** Whether any of Flyway's {@code locations} (comma-separated, {@code classpath:} or {@code filesystem:}) holds a file. */
    static boolean hasFlywayScripts(ResourcePatternResolver resources, String locations) {
        return Arrays.stream(locations.split(",")).map(String::trim).filter(location -> !location.isEmpty()).anyMatch(location -> {
            String pattern = location.startsWith("filesystem:") ? "file:" + location.substring("filesystem:".length())
                    : "classpath*:" + (location.startsWith("classpath:") ? location.substring("classpath:".length()) : location);
            try {
                return Arrays.stream(resources.getResources(pattern.replaceAll("/+$", "") + "/**/*")).anyMatch(Resource::isReadable);
            } catch (IOException e) {
                return false;
            }
        });
    }
}
