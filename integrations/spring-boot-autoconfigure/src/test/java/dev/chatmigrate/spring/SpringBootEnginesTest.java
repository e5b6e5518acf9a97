package dev.chatmigrate.spring;

import static dev.chatmigrate.spring.SpringTestDatabase.dataSource;
import static dev.chatmigrate.spring.SpringTestDatabase.exists;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole Spring Boot application with every auto-configuration of the test class path, Spring Boot's Flyway and
 * Liquibase ones included. Without migrations of the application's own they stay off; with them (the application's
 * {@code app_users}, versions 1 and 2, in {@code src/test/resources/app/}) they migrate beside chatmigrate in the same
 * database and schema, fresh and on restart, whichever history was there first (docs/design.md, "Shared databases").
 */
class SpringBootEnginesTest {

    private static final int LATEST = ChatbotSchema.LATEST_VERSION;
    private static final String[] BOOT_FLYWAY = {"spring.flyway.enabled=true", "spring.flyway.locations=classpath:app/flyway"};
    private static final String[] BOOT_LIQUIBASE = {"spring.liquibase.enabled=true", "spring.liquibase.change-log=classpath:app/liquibase/changelog.yaml"};

    @FreshDatabase
    private TestDatabase database;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    private ConfigurableApplicationContext start(String[] boot, String... properties) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).properties(dataSource(database))
                .properties(boot).properties(properties).run();
    }

    private MigrationReport chatmigrate(ConfigurableApplicationContext context) {
        return context.getBean(ChatmigrateInitializer.class).report();
    }

    @Test
    @DisplayName("without migrations of the application's own, Spring Boot's Flyway and Liquibase do not run; chatmigrate does")
    void springBootEnginesStayOffWithoutMigrations() {
        MigrationRunner.of(database.settings("mybatis")).migrate(2);

        try (ConfigurableApplicationContext context = start(new String[0], "chatmigrate.engine=mybatis")) {
            assertThat(context.getBeansOfType(Flyway.class)).isEmpty();
            assertThat(context.getBeanNamesForType(liquibase.integration.spring.SpringLiquibase.class)).isEmpty();
            assertThat(chatmigrate(context).versionBefore()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("Spring Boot's own Flyway for the application's tables")
    class BootFlyway {

        @ParameterizedTest(name = "chatmigrate.engine={0}")
        @ValueSource(strings = {"flyway", "liquibase", "mybatis"})
        @DisplayName("fresh database: both migrate, each keeps its own history; on restart both have nothing to do")
        void freshThenRestart(String engine) throws SQLException {
            try (ConfigurableApplicationContext context = start(BOOT_FLYWAY, "chatmigrate.engine=" + engine)) {
                assertThat(chatmigrate(context).versionAfter()).isEqualTo(LATEST);
                assertThat(exists(database, "public.app_users")).isTrue();
            }
            List<String> appHistory = applicationFlywayHistory();
            assertThat(appHistory).containsExactly("0 BASELINE", "1 SQL", "2 SQL");

            try (ConfigurableApplicationContext context = start(BOOT_FLYWAY, "chatmigrate.engine=" + engine)) {
                assertThat(chatmigrate(context).changedNothing()).isTrue();
                assertThat(context.getBean(Flyway.class).info().pending()).isEmpty();
            }
            assertThat(applicationFlywayHistory()).isEqualTo(appHistory);
        }

        @Test
        @DisplayName("the application's Flyway history first: chatmigrate leaves it alone and builds the chatbot tables beside it")
        void applicationFirst() throws SQLException {
            Flyway.configure().dataSource(database.database().jdbcUrl(), database.database().user(), database.database().password())
                    .locations("classpath:app/flyway").load().migrate();

            try (ConfigurableApplicationContext context = start(BOOT_FLYWAY)) {
                assertThat(chatmigrate(context).versionAfter()).isEqualTo(LATEST);
                assertThat(context.getBean(Flyway.class).info().pending()).isEmpty();
            }
            assertThat(applicationFlywayHistory()).containsExactly("1 SQL", "2 SQL");
        }

        @Test
        @DisplayName("chatmigrate's history under flyway_schema_history (an earlier release): carried over, then the application's Flyway starts its own")
        void earlierRelease() throws SQLException {
            MigrationRunner.of(database.settings("flyway")).migrate(LATEST);
            renameHistory("chatmigrate_flyway_history", "flyway_schema_history");

            try (ConfigurableApplicationContext context = start(BOOT_FLYWAY)) {
                assertThat(chatmigrate(context).changedNothing()).isTrue();
                assertThat(exists(database, "public.app_users")).isTrue();
            }
            assertThat(applicationFlywayHistory()).containsExactly("0 BASELINE", "1 SQL", "2 SQL");
            assertThat(exists(database, "public.chatmigrate_flyway_history")).isTrue();
        }
    }

    @Nested
    @DisplayName("Spring Boot's own Liquibase for the application's tables")
    class BootLiquibase {

        @ParameterizedTest(name = "chatmigrate.engine={0}")
        @ValueSource(strings = {"flyway", "liquibase"})
        @DisplayName("fresh database: both migrate, each keeps its own history; on restart both have nothing to do")
        void freshThenRestart(String engine) throws SQLException {
            try (ConfigurableApplicationContext context = start(BOOT_LIQUIBASE, "chatmigrate.engine=" + engine)) {
                assertThat(chatmigrate(context).versionAfter()).isEqualTo(LATEST);
                assertThat(exists(database, "public.app_users")).isTrue();
            }
            assertThat(applicationChangelog()).containsExactly("app-1 app", "app-2 app");

            try (ConfigurableApplicationContext context = start(BOOT_LIQUIBASE, "chatmigrate.engine=" + engine)) {
                assertThat(chatmigrate(context).changedNothing()).isTrue();
            }
            assertThat(applicationChangelog()).containsExactly("app-1 app", "app-2 app");
        }

        @Test
        @DisplayName("chatmigrate's history under databasechangelog (an earlier release): carried over, then the application's Liquibase starts its own")
        void earlierRelease() throws SQLException {
            MigrationRunner.of(database.settings("liquibase")).migrate(LATEST);
            renameHistory("chatmigrate_changelog_lock", "databasechangeloglock");
            renameHistory("chatmigrate_changelog", "databasechangelog");

            try (ConfigurableApplicationContext context = start(BOOT_LIQUIBASE, "chatmigrate.engine=liquibase")) {
                assertThat(chatmigrate(context).changedNothing()).isTrue();
            }
            assertThat(applicationChangelog()).containsExactly("app-1 app", "app-2 app");
            assertThat(new MigrationRunner(database.settings("liquibase"), MigrationEngines.byId("liquibase")).status().currentVersion()).isEqualTo(LATEST);
        }
    }

    private List<String> applicationFlywayHistory() throws SQLException {
        return rows("select version || ' ' || type from flyway_schema_history where success order by installed_rank");
    }

    private List<String> applicationChangelog() throws SQLException {
        return rows("select id || ' ' || author from databasechangelog order by orderexecuted");
    }

    /** Renames chatmigrate's table and its indexes to the name an earlier release used. */
    private void renameHistory(String table, String earlier) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String index : rows("select relname from pg_class where relkind = 'i' and relname like '" + table.replace("_", "\\_") + "\\_%'")) {
                statement.execute("alter index " + index + " rename to " + earlier + index.substring(table.length()));
            }
            statement.execute("alter table " + table + " rename to " + earlier);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
