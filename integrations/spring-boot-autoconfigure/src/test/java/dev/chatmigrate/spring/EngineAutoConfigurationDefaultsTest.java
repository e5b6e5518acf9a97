package dev.chatmigrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Spring Boot's own Flyway and Liquibase are defaulted off only when the application has no migrations of its own. */
class EngineAutoConfigurationDefaultsTest {

    private static StandardEnvironment after(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
        new EngineAutoConfigurationDefaults().postProcessEnvironment(environment, new SpringApplication(Object.class));
        return environment;
    }

    @Test
    @DisplayName("no scripts at Spring Boot's default locations: both default to off")
    void offWithoutMigrations() {
        StandardEnvironment environment = after(Map.of());

        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.liquibase.enabled")).isEqualTo("false");
    }

    @Test
    @DisplayName("the application's own Flyway scripts and Liquibase changelog: Spring Boot's engines are left on")
    void onWithMigrationsOfTheApplication() {
        StandardEnvironment environment = after(Map.of("spring.flyway.locations", "classpath:app/flyway",
                "spring.liquibase.change-log", "classpath:app/liquibase/changelog.yaml"));

        assertThat(environment.getProperty("spring.flyway.enabled")).isNull();
        assertThat(environment.getProperty("spring.liquibase.enabled")).isNull();
    }

    @Test
    @DisplayName("a value the application set wins")
    void explicitValueWins() {
        StandardEnvironment environment = after(Map.of("spring.flyway.enabled", "true"));

        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.liquibase.enabled")).isEqualTo("false");
    }
}
