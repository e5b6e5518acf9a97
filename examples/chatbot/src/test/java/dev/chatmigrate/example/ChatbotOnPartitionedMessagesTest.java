package dev.chatmigrate.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.partition.MessagesPartitioning;
import dev.chatmigrate.core.partition.PartitionLayout;
import dev.chatmigrate.example.ChatbotClient.Reply;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service, unchanged, on a {@code messages} that {@code chatmigrate partition} made partitioned (by range of
 * {@code created_at}, by hash of {@code conversation_id}): it starts (its startup migrate finds the latest version),
 * chats, and lists the turns oldest first, stored in the partitions.
 */
class ChatbotOnPartitionedMessagesTest {

    @FreshDatabase
    private TestDatabase database;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"range", "hash"})
    @DisplayName("starts, chats and lists on a partitioned messages")
    void chatsOnPartitionedMessages(String layout) throws SQLException {
        MigrationRunner.of(database.settings("flyway")).migrate();
        PartitionLayout partitioning = layout.equals("range") ? PartitionLayout.byCreatedAt(PartitionLayout.Interval.MONTH)
                : PartitionLayout.byConversationId(4);
        new MessagesPartitioning(database.settings("flyway"), MigrationEngines.byId("flyway")).run(partitioning.withOldTableDropped());

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChatbotApplication.class)
                .properties("DATABASE_URL=" + database.database().jdbcUrl(), "DATABASE_USER=" + database.database().user(),
                        "DATABASE_PASSWORD=" + database.database().password(), "server.port=0", "chatmigrate.engine=flyway").run()) {
            ChatbotClient client = new ChatbotClient(((WebServerApplicationContext) context).getWebServer().getPort());
            Reply created = client.post("/api/conversations", "{\"userId\": \"alice\"}");
            assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
            String conversation = created.json().get("id").asText();

            assertThat(client.post("/api/conversations/" + conversation + "/chat", "{\"message\": \"Hello!\"}").status()).isEqualTo(200);
            Reply second = client.post("/api/conversations/" + conversation + "/chat", "{\"message\": \"Again\"}");
            Reply listed = client.get("/api/conversations/" + conversation + "/messages");

            assertThat(second.json().get("reply").asText()).contains("You said: Again").contains("1 earlier message");
            JsonNode messages = listed.json().get("messages");
            assertThat(messages).hasSize(4);
            assertThat(messages.get(0).get("content").asText()).isEqualTo("Hello!");
            assertThat(messages.get(2).get("content").asText()).isEqualTo("Again");
        }
        assertThat(single("select relkind::text from pg_class where oid = 'messages'::regclass")).isEqualTo("p");
        assertThat(single("select count(*) from messages where tableoid <> 'messages'::regclass")).as("turns stored in partitions").isEqualTo("4");
    }

    private String single(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
