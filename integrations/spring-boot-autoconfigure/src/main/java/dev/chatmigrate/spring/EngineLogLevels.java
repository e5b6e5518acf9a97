package dev.chatmigrate.spring;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults the engine libraries' loggers to WARN, as the command does without {@code --verbose}: a
 * start logs chatmigrate's own line ("liquibase: schema public migrated from version 0 to 5 ..."),
 * not the engine's dozens of INFO lines. MyBatis Migrations' output is already DEBUG (its adapter's
 * {@code MyBatisOutput}). Left alone:
 * <ul>
 * <li>a level the application set for that logger ({@code logging.level.liquibase=info}, anywhere);</li>
 * <li>every engine logger when chatmigrate's own logging is verbose ({@code logging.level.dev.chatmigrate}
 * at {@code debug} or {@code trace}), as {@code --verbose} does for the command;</li>
 * <li>Flyway's or Liquibase's logger when the application runs Spring Boot's own Flyway or Liquibase
 * ({@code spring.flyway.enabled=true}, {@code spring.liquibase.enabled=true}) for tables of its own.</li>
 * </ul>
 */
public class EngineLogLevels implements EnvironmentPostProcessor {

    /** The name of the property source holding the defaults. */
    public static final String SOURCE = "chatmigrateEngineLogLevels";

    /** Each engine logger, with the switch of Spring Boot's own auto-configuration of that library. */
    private static final Map<String, String> ENGINE_LOGGERS = Map.of("liquibase", "spring.liquibase.enabled", "org.flywaydb", "spring.flyway.enabled");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (verbose(environment.getProperty("logging.level.dev.chatmigrate"))) {
            return;
        }
        Map<String, Object> defaults = new HashMap<>();
        ENGINE_LOGGERS.forEach((logger, bootSwitch) -> {
            String key = "logging.level." + logger;
            if (!environment.containsProperty(key) && !"true".equalsIgnoreCase(environment.getProperty(bootSwitch))) {
                defaults.put(key, "WARN");
            }
        });
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
        }
    }

    private static boolean verbose(String chatmigrateLevel) {
        String level = chatmigrateLevel == null ? "" : chatmigrateLevel.trim().toLowerCase(Locale.ROOT);
        return level.equals("debug") || level.equals("trace") || level.equals("all");
    }
}
