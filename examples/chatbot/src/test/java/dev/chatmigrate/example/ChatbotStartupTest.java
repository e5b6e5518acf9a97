package dev.chatmigrate.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.example.ChatbotClient.Reply;
import dev.chatmigrate.spi.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** How the service starts and fails, each test on its own fresh database. */
class ChatbotStartupTest {

    @FreshDatabase
    private TestDatabase database;

    private ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(ChatbotApplication.class)
                .properties("DATABASE_URL=" + database.database().jdbcUrl(), "DATABASE_USER=" + database.database().user(),
                        "DATABASE_PASSWORD=" + database.database().password(), "server.port=0")
                .properties(properties).run();
    }

    private boolean query(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getBoolean(1);
        }
    }

    @Test
    @DisplayName("chatmigrate.enabled=false (CHATMIGRATE_ENABLED) on a schema older than the latest refuses to start and changes nothing")
    void disabledOnOldSchema() throws SQLException {
        MigrationRunner.of(database.settings("flyway")).migrate(2);

        assertThatThrownBy(() -> start("chatmigrate.enabled=false").close())
                .rootCause().isInstanceOfSatisfying(MigrationException.class,
                        e -> assertThat(e.kind()).isEqualTo(MigrationException.Kind.DISABLED_BEHIND))
                .hasMessageContaining("Migrations are disabled");
        assertThat(query("select count(*) = 0 from information_schema.columns where table_name = 'messages' and column_name = 'token_count'"))
                .as("version 3 was not applied").isTrue();
    }

    @Test
    @DisplayName("while the database is away, requests are 503 with a JSON error and health is DOWN; the service keeps running")
    void databaseAway() {
        try (ConfigurableApplicationContext context = start("chatmigrate.schema=chatbot")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ChatbotClient client = new ChatbotClient(port);
            assertThat(client.post("/api/conversations", "{\"userId\": \"alice\"}").status()).isEqualTo(201);

            database.close();

            Reply create = client.post("/api/conversations", "{\"userId\": \"alice\"}");
            assertThat(create.status()).isEqualTo(503);
            assertThat(create.error()).isEqualTo("The database is unavailable; try again shortly.");
            assertThat(client.get("/actuator/health").status()).isEqualTo(503);
            assertThat(client.get("/").status()).isEqualTo(200);
        }
    }
}
