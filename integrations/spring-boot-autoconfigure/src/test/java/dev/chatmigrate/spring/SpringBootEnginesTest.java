package dev.chatmigrate.spring;

import static dev.chatmigrate.spring.SpringTestDatabase.dataSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole Spring Boot application with every auto-configuration of the test class path, Spring Boot's
 * Flyway and Liquibase ones included: they stay off the chatbot's schema unless turned on.
 */
class SpringBootEnginesTest {

    @FreshDatabase
    private TestDatabase database;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    private ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).properties(dataSource(database))
                .properties(properties).run();
    }

    @Test
    @DisplayName("Spring Boot's Flyway and Liquibase do not run on the chatbot's non-empty schema; chatmigrate does")
    void springBootEnginesStayOff() {
        MigrationRunner.of(database.settings("mybatis")).migrate(2);

        try (ConfigurableApplicationContext context = start("chatmigrate.engine=mybatis")) {
            assertThat(context.getBeansOfType(Flyway.class)).isEmpty();
            assertThat(context.getBeanNamesForType(liquibase.integration.spring.SpringLiquibase.class)).isEmpty();
            assertThat(context.getBean(ChatmigrateInitializer.class).report().versionBefore()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("an application that sets spring.flyway.enabled=true gets Spring Boot's Flyway, which refuses the chatbot's schema: what the default prevents")
    void explicitSettingWins() {
        MigrationRunner.of(database.settings("mybatis")).migrate(2);

        assertThatThrownBy(() -> start("chatmigrate.engine=mybatis", "spring.flyway.enabled=true").close())
                .hasMessageContaining("flywayInitializer").hasMessageContaining("Found non-empty schema(s) \"public\" but no schema history table");
    }
}
