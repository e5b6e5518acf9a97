package dev.chatmigrate.spring;

import static dev.chatmigrate.spring.SpringTestDatabase.dataSource;
import static dev.chatmigrate.spring.SpringTestDatabase.exists;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationException;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auto-configuration in real Spring contexts, each on a fresh PostgreSQL database. */
class ChatmigrateAutoConfigurationTest {

    @FreshDatabase
    private TestDatabase database;

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, ChatmigrateAutoConfiguration.class,
            ChatmigrateActuatorAutoConfiguration.class));

    private ApplicationContextRunner on(TestDatabase db) {
        return contexts.withPropertyValues(dataSource(db));
    }

    @Nested
    @DisplayName("the engine chosen by chatmigrate.engine migrates at startup")
    class Engines {

        @ParameterizedTest(name = "chatmigrate.engine={0}")
        @ValueSource(strings = {"flyway", "liquibase", "mybatis"})
        void eachEngine(String engine) {
            on(database).withPropertyValues("chatmigrate.engine=" + engine).run(context -> {
                assertThat(context).hasNotFailed();
                ChatmigrateInitializer initializer = context.getBean(ChatmigrateInitializer.class);
                assertThat(initializer.report().engineId()).isEqualTo(engine);
                assertThat(initializer.report().versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
                assertThat(exists(database, "public.messages")).isTrue();
            });
        }

        @Test
        @DisplayName("chatmigrate.schema and chatmigrate.target are honoured")
        void schemaAndTarget() {
            on(database).withPropertyValues("chatmigrate.schema=chatbot", "chatmigrate.target=2").run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(ChatmigrateInitializer.class).report().versionAfter()).isEqualTo(2);
                assertThat(exists(database, "chatbot.messages")).isTrue();
                assertThat(exists(database, "public.messages")).isFalse();
            });
        }

        @Test
        @DisplayName("chatmigrate.url migrates over a connection of its own, without any DataSource bean")
        void separateUrl() {
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatmigrateAutoConfiguration.class))
                    .withPropertyValues("chatmigrate.url=" + database.database().jdbcUrl(), "chatmigrate.user=" + database.database().user(),
                            "chatmigrate.password=" + database.database().password())
                    .run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(javax.sql.DataSource.class);
                        assertThat(exists(database, "public.messages")).isTrue();
                    });
        }

        @Test
        @DisplayName("without a DataSource or chatmigrate.url, nothing is configured")
        void noDatabase() {
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatmigrateAutoConfiguration.class))
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatmigrateInitializer.class));
        }
    }

    /** Queries messages while it is being created: only works if the schema was migrated before. */
    static final class MessagesReader {

        final long count;

        MessagesReader(JdbcTemplate jdbc) {
            this.count = jdbc.queryForObject("select count(*) from messages", Long.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReaderConfiguration {

        @Bean
        MessagesReader messagesReader(JdbcTemplate jdbc) {
            return new MessagesReader(jdbc);
        }
    }

    @Test
    @DisplayName("a bean that queries messages in its constructor, through JdbcTemplate, starts on an empty database: the migration ran first")
    void migratesBeforeDatabaseUsers() {
        on(database).withUserConfiguration(ReaderConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MessagesReader.class).count).isZero();
        });
    }

    @Nested
    @DisplayName("startup fails, naming the cause")
    class Failures {

        @Test
        @DisplayName("a conflicting messages table fails startup with SCHEMA_CONFLICT, and nothing uses the database")
        void conflict() throws Exception {
            try (Connection connection = database.connect()) {
                DatabaseState.CONFLICT.prepare(connection, "public");
            }
            on(database).withUserConfiguration(ReaderConfiguration.class).run(context -> {
                assertThat(context).hasFailed();
                MigrationException failure = cause(context.getStartupFailure());
                assertThat(failure.kind()).isEqualTo(MigrationException.Kind.SCHEMA_CONFLICT);
                assertThat(MigrationFailureAnalyzer.description(failure)).startsWith("SCHEMA_CONFLICT: ");
            });
        }

        @Test
        @DisplayName("chatmigrate.enabled=false on a schema older than the target fails startup and changes nothing")
        void disabledOnOldSchema() throws Exception {
            MigrationRunner.of(database.settings("flyway")).migrate(2);
            on(database).withPropertyValues("chatmigrate.enabled=false").run(context -> {
                assertThat(context).hasFailed();
                MigrationException failure = cause(context.getStartupFailure());
                assertThat(failure.kind()).isEqualTo(MigrationException.Kind.DISABLED_BEHIND);
                assertThat(failure).hasMessageContaining("Migrations are disabled").hasMessageContaining("at version 2");
            });
            assertThat(SpringTestDatabase.queryBoolean(database,
                    "select count(*) = 0 from information_schema.columns where table_name = 'messages' and column_name = 'token_count'"))
                    .as("version 3 was not applied").isTrue();
        }

        @Test
        @DisplayName("chatmigrate.enabled=false on a schema at the target starts and applies nothing")
        void disabledOnCurrentSchema() {
            MigrationRunner.of(database.settings("flyway")).migrate(2);
            on(database).withPropertyValues("chatmigrate.enabled=false", "chatmigrate.target=2").run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(ChatmigrateInitializer.class).report().changedNothing()).isTrue();
            });
        }

        @Test
        @DisplayName("an unknown engine fails with UNKNOWN_ENGINE and the analysis says what to set")
        void unknownEngine() {
            on(database).withPropertyValues("chatmigrate.engine=alembic").run(context -> {
                MigrationException failure = cause(context.getStartupFailure());
                assertThat(failure.kind()).isEqualTo(MigrationException.Kind.UNKNOWN_ENGINE);
                assertThat(MigrationFailureAnalyzer.action(failure)).contains("chatmigrate.engine");
            });
        }

        private static MigrationException cause(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof MigrationException e) {
                    return e;
                }
            }
            throw new AssertionError("no MigrationException in the startup failure", failure);
        }
    }

    @Test
    @DisplayName("health chatmigrate is UP and health and info show engine, schema and version")
    void actuator() {
        on(database).withPropertyValues("chatmigrate.engine=liquibase").run(context -> {
            Health health = context.getBean(ChatmigrateHealthIndicator.class).health();
            Info.Builder info = new Info.Builder();
            context.getBean(ChatmigrateInfoContributor.class).contribute(info);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("engine", "liquibase").containsEntry("schema", "public")
                    .containsEntry("version", ChatbotSchema.LATEST_VERSION);
            assertThat(info.build().getDetails().get("chatmigrate")).isEqualTo(health.getDetails());
            assertThat(info.build().getDetails().get("chatmigrate")).isInstanceOf(Map.class);
        });
    }
}
