package dev.chatmigrate.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.contract.postgres.FreshDatabase;
import dev.chatmigrate.contract.postgres.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.example.ChatbotClient.Reply;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.UnknownEngineException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How the service starts, stops and fails, each test on its own fresh database. */
class ChatbotStartupTest {

    @FreshDatabase
    private TestDatabase database;

    private boolean exists(String qualifiedTable) throws SQLException {
        return query("select to_regclass('" + qualifiedTable + "') is not null");
    }

    private boolean query(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getBoolean(1);
        }
    }

    @Nested
    @DisplayName("migration at startup")
    class Migration {

        @Test
        @DisplayName("an empty database is migrated to the latest version before serving; the report and the verification are logged")
        void migratesThenServes() throws SQLException {
            try (LogCapture log = new LogCapture(); ChatbotApplication application = ChatbotApplication.start(TestEnvironment.of(database))) {
                assertThat(application.schemaVersion()).isEqualTo(ChatbotSchema.LATEST_VERSION);
                assertThat(exists("public.messages")).isTrue();
                assertThat(log.messages()).anyMatch(line -> line.startsWith("flyway: schema public migrated from version 0 to " + ChatbotSchema.LATEST_VERSION)
                        && line.contains("(applied " + ChatbotSchema.VERSIONS.stream().map(v -> Integer.toString(v.number())).collect(java.util.stream.Collectors.joining(", ")) + ")"));
                assertThat(log.messages()).contains("Verified: schema public matches version " + ChatbotSchema.LATEST_VERSION);
                assertThat(new ChatbotClient(application.port()).get("/health").status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("a restart on a migrated database applies nothing and serves the same data")
        void restartIsNoOp() {
            String conversation;
            try (ChatbotApplication first = ChatbotApplication.start(TestEnvironment.of(database))) {
                conversation = new ChatbotClient(first.port()).post("/conversations", "{\"userId\": \"alice\"}").json().get("id").asText();
            }
            try (LogCapture log = new LogCapture(); ChatbotApplication second = ChatbotApplication.start(TestEnvironment.of(database))) {
                assertThat(log.messages()).anyMatch(line -> line.startsWith("flyway: schema public is at version " + ChatbotSchema.LATEST_VERSION + ", nothing to apply"));
                assertThat(new ChatbotClient(second.port()).get("/conversations/" + conversation + "/messages").status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("CHATMIGRATE_SCHEMA puts the tables in that schema, and the pool works there")
        void otherSchema() throws SQLException {
            try (ChatbotApplication application = ChatbotApplication.start(TestEnvironment.of(database, "CHATMIGRATE_SCHEMA", "chatbot"))) {
                ChatbotClient client = new ChatbotClient(application.port());
                String conversation = client.post("/conversations", "{\"userId\": \"alice\"}").json().get("id").asText();

                assertThat(client.post("/conversations/" + conversation + "/messages", "{\"role\": \"user\", \"content\": \"hi\"}").status()).isEqualTo(201);
                assertThat(exists("chatbot.messages")).isTrue();
                assertThat(exists("public.messages")).isFalse();
                assertThat(query("select count(*) = 1 from chatbot.messages")).isTrue();
            }
        }
    }

    @Nested
    @DisplayName("CHATMIGRATE_ENABLED=false")
    class Disabled {

        @Test
        @DisplayName("on an empty database: nothing is created, and startup is refused with exit code 4 and what to do")
        void emptyDatabaseIsRefused() throws SQLException {
            assertThatThrownBy(() -> ChatbotApplication.start(TestEnvironment.of(database, "CHATMIGRATE_ENABLED", "false")))
                    .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.kind()).isEqualTo(MigrationException.Kind.SCHEMA_CONFLICT))
                    .hasMessageContaining("Schema public is at version 0 (flyway), but the chatbot needs version 2 or later")
                    .hasMessageContaining("Migrations are disabled (CHATMIGRATE_ENABLED=false): run 'chatmigrate migrate'");

            assertThat(exists("public.conversations")).isFalse();
            assertThat(exists("public.flyway_schema_history")).isFalse();
        }

        @Test
        @DisplayName("on a database at version 2: serves at version 2 and applies nothing")
        void servesTheVersionFound() throws SQLException {
            MigrationRunner.of(database.settings("flyway")).migrate(2);

            try (LogCapture log = new LogCapture();
                 ChatbotApplication application = ChatbotApplication.start(TestEnvironment.of(database, "CHATMIGRATE_ENABLED", "false"))) {
                ChatbotClient client = new ChatbotClient(application.port());
                String conversation = client.post("/conversations", "{\"userId\": \"alice\"}").json().get("id").asText();

                assertThat(client.get("/health").json().get("schemaVersion").asInt()).isEqualTo(2);
                assertThat(client.post("/conversations/" + conversation + "/messages", "{\"role\": \"user\", \"content\": \"hi\"}").status()).isEqualTo(201);
                assertThat(log.messages()).anyMatch(line -> line.startsWith("Migrations are disabled (CHATMIGRATE_ENABLED=false from CHATMIGRATE_ENABLED)"));
            }
            assertThat(query("select count(*) = 0 from information_schema.columns where table_name = 'messages' and column_name = 'token_count'"))
                    .as("version 3 was not applied").isTrue();
        }
    }

    @Nested
    @DisplayName("configuration errors fail startup with the command's exit codes")
    class Configuration {

        @Test
        @DisplayName("without DATABASE_URL: exit code 2, naming DATABASE_URL")
        void noDatabase() {
            assertThatThrownBy(() -> ChatbotApplication.start(Map.of("PORT", "0")))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("the chatbot example needs DATABASE_URL");
        }

        @Test
        @DisplayName("a PORT that is not a port number: exit code 2, saying what is expected")
        void badPort() {
            assertThatThrownBy(() -> ChatbotApplication.start(TestEnvironment.of(database, "PORT", "http")))
                    .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.kind()).isEqualTo(MigrationException.Kind.BAD_CONFIGURATION))
                    .hasMessageContaining("The setting PORT is 'http': expected a port number from 0 to 65535");
        }

        @Test
        @DisplayName("an unknown engine: refused before any change, listing the known engines")
        void unknownEngine() throws SQLException {
            assertThatThrownBy(() -> ChatbotApplication.start(TestEnvironment.of(database, "CHATMIGRATE_ENGINE", "alembic")))
                    .isInstanceOf(UnknownEngineException.class)
                    .hasMessageContaining("flyway");
            assertThat(exists("public.conversations")).isFalse();
        }
    }

    @Nested
    @DisplayName("when the database goes away while serving")
    class DatabaseGone {

        @Test
        @DisplayName("health and requests answer 503 with a JSON error, and the service keeps running")
        void unavailable() {
            try (ChatbotApplication application = ChatbotApplication.start(TestEnvironment.of(database))) {
                ChatbotClient client = new ChatbotClient(application.port());
                assertThat(client.get("/health").status()).isEqualTo(200);

                database.close();

                Reply health = client.get("/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.contentType()).isEqualTo("application/json");
                assertThat(health.error()).contains("The database did not answer");
                Reply create = client.post("/conversations", "{\"userId\": \"alice\"}");
                assertThat(create.status()).isEqualTo(503);
                assertThat(create.error()).isEqualTo("The database is unavailable; try again shortly.");
                assertThat(client.get("/").status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("a statement that fails for another reason is 500, without the details")
        void internalError() throws SQLException {
            try (ChatbotApplication application = ChatbotApplication.start(TestEnvironment.of(database))) {
                try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("drop table messages");
                }

                Reply listed = new ChatbotClient(application.port()).get("/conversations/00000000-0000-0000-0000-000000000000/messages");

                assertThat(listed.status()).isEqualTo(500);
                assertThat(listed.error()).isEqualTo("Internal error; the service log has the details.");
            }
        }
    }
}
