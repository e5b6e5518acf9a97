package dev.chatmigrate.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.example.ChatbotClient.Reply;
import dev.chatmigrate.schema.ChatbotSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API of one service, a real Spring Boot application on a random port, migrated at startup (with
 * Liquibase, chosen by property) on a fresh database, with the offline model and an API token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatbotApiTest {

    private static final String TOKEN = "test-token-" + UUID.randomUUID();
    private static final TestDatabase DATABASE = TestPostgres.server().createDatabase();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> DATABASE.database().jdbcUrl());
        registry.add("DATABASE_USER", () -> DATABASE.database().user());
        registry.add("DATABASE_PASSWORD", () -> DATABASE.database().password());
        registry.add("chatmigrate.engine", () -> "liquibase");
        registry.add("CHATBOT_API_TOKEN", () -> TOKEN);
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.close();
    }

    @LocalServerPort
    int port;

    private ChatbotClient client;

    @BeforeEach
    void client() {
        client = new ChatbotClient(port, TOKEN);
    }

    private String newConversation() {
        Reply created = client.post("/api/conversations", "{\"userId\": \"alice\"}");
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static long rows(String table) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    @Test
    @DisplayName("POST /api/conversations is 201 with the id, userId, title and ISO-8601 timestamps, stored in conversations")
    void createsConversation() throws SQLException {
        long before = rows("conversations");

        Reply created = client.post("/api/conversations", "{\"userId\": \"alice\", \"title\": \"Trip to Lisbon\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode json = created.json();
        assertThat(UUID.fromString(json.get("id").asText())).isNotNull();
        assertThat(json.get("userId").asText()).isEqualTo("alice");
        assertThat(json.get("title").asText()).isEqualTo("Trip to Lisbon");
        assertThat(Instant.parse(json.get("createdAt").asText())).isNotNull();
        assertThat(rows("conversations")).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("chat answers 200 through the offline echo model, labelled as such; both turns are stored in messages and listed oldest first")
    void chatsAndLists() throws SQLException {
        String conversation = newConversation();
        long before = rows("messages");

        Reply first = client.post("/api/conversations/" + conversation + "/chat", "{\"message\": \"Hello!\"}");
        Reply second = client.post("/api/conversations/" + conversation + "/chat", "{\"message\": \"Thanks 👍\"}");
        Reply listed = client.get("/api/conversations/" + conversation + "/messages");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("reply").asText()).contains("echo model").contains("You said: Hello!");
        assertThat(first.json().get("model").asText()).isEqualTo(EchoChatModel.NAME);
        assertThat(second.json().get("reply").asText()).contains("You said: Thanks 👍").contains("1 earlier message");
        assertThat(listed.status()).isEqualTo(200);
        JsonNode messages = listed.json().get("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).get("content").asText()).isEqualTo("Hello!");
        assertThat(messages.get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).get("content").asText()).isEqualTo("Thanks 👍");
        assertThat(messages.get(3).get("role").asText()).isEqualTo("assistant");
        assertThat(rows("messages")).as("the chat memory is the messages table").isEqualTo(before + 4);
    }

    @Test
    @DisplayName("actuator health is UP and shows chatmigrate's engine and schema version; info shows them too")
    void actuator() {
        Reply health = client.get("/actuator/health");
        Reply info = client.get("/actuator/info");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        JsonNode chatmigrate = health.json().at("/components/chatmigrate/details");
        assertThat(chatmigrate.get("engine").asText()).isEqualTo("liquibase");
        assertThat(chatmigrate.get("version").asInt()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        assertThat(info.json().at("/chatmigrate/engine").asText()).isEqualTo("liquibase");
    }

    @Nested
    @DisplayName("refusals")
    class Refusals {

        static Stream<Arguments> badBodies() {
            return Stream.of(
                    Arguments.of("/api/conversations", "{\"title\": \"t\"}", "\"userId\" is required"),
                    Arguments.of("/api/conversations", "{\"userId\": \"   \"}", "\"userId\" must not be blank"),
                    Arguments.of("/api/conversations", "{\"userId\": 42}", "\"userId\" must be a string, found a number"),
                    Arguments.of("/api/conversations", "{\"userId\": \"" + "u".repeat(256) + "\"}", "at most 255"),
                    Arguments.of("/api/conversations", "{\"userId\": \"a\", \"titel\": \"t\"}", "Unknown field \"titel\": expected only userId, title"),
                    Arguments.of("/api/conversations", "{\"userId\": \"a\", \"userId\": \"b\"}", "not valid JSON"),
                    Arguments.of("/api/conversations", "[{\"userId\": \"a\"}]", "The request body is an array"),
                    Arguments.of("/api/conversations", "", "The request body is empty"),
                    Arguments.of("CHAT", "{}", "\"message\" is required"),
                    Arguments.of("CHAT", "{\"message\": \"\"}", "\"message\" must not be blank"),
                    Arguments.of("CHAT", "{\"message\": \"a\\u0000b\"}", "U+0000"),
                    Arguments.of("CHAT", "{message: hi}", "not valid JSON at line 1"));
        }

        @ParameterizedTest(name = "{1} is 400: {2}")
        @MethodSource("badBodies")
        void badRequest(String path, String body, String expectedError) throws SQLException {
            String target = path.equals("CHAT") ? "/api/conversations/" + newConversation() + "/chat" : path;
            long before = rows("conversations");

            Reply refused = client.post(target, body);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/json");
            assertThat(refused.error()).contains(expectedError);
            assertThat(rows("conversations")).isEqualTo(before);
        }

        @Test
        @DisplayName("an unknown or non-UUID conversation is 404 saying ids are UUIDs")
        void unknownConversation() {
            Reply unknown = client.post("/api/conversations/" + UUID.randomUUID() + "/chat", "{\"message\": \"hi\"}");
            Reply notUuid = client.get("/api/conversations/42/messages");

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(notUuid.status()).isEqualTo(404);
            assertThat(notUuid.error()).contains("No conversation \"42\"").contains("ids are UUIDs");
        }

        @Test
        @DisplayName("a body over 1 MiB is 413, and nothing is stored")
        void tooLarge() throws SQLException {
            long before = rows("conversations");

            Reply refused = client.post("/api/conversations", "{\"userId\": \"" + "x".repeat(RequestFilters.MAX_BODY_BYTES) + "\"}");

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.error()).contains("1 MiB");
            assertThat(rows("conversations")).isEqualTo(before);
        }

        @Test
        @DisplayName("with CHATBOT_API_TOKEN set, /api without the token or with another is 401; /actuator/health stays open")
        void needsToken() {
            ChatbotClient anonymous = new ChatbotClient(port);
            ChatbotClient wrong = new ChatbotClient(port, "not-the-token");

            Reply without = anonymous.post("/api/conversations", "{\"userId\": \"mallory\"}");
            Reply other = wrong.get("/api/conversations/" + UUID.randomUUID() + "/messages");

            assertThat(without.status()).isEqualTo(401);
            assertThat(without.error()).contains("Authorization: Bearer");
            assertThat(other.status()).isEqualTo(401);
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        }

        @ParameterizedTest(name = "Authorization: {0} <token>")
        @ValueSource(strings = {"bearer ", "BEARER ", "Bearer   "})
        @DisplayName("the bearer scheme is case-insensitive and may be followed by several spaces (RFC 9110); another scheme is 401")
        void bearerSchemeIsCaseInsensitive(String scheme) {
            Reply created = ChatbotClient.withAuthorization(port, scheme + TOKEN).post("/api/conversations", "{\"userId\": \"ada\"}");
            Reply basic = ChatbotClient.withAuthorization(port, "Basic " + TOKEN).post("/api/conversations", "{\"userId\": \"ada\"}");
            Reply glued = ChatbotClient.withAuthorization(port, "Bearer" + TOKEN).post("/api/conversations", "{\"userId\": \"ada\"}");

            assertThat(created.status()).isEqualTo(201);
            assertThat(basic.status()).isEqualTo(401);
            assertThat(glued.status()).isEqualTo(401);
        }
    }
}
