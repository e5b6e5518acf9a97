package dev.chatmigrate.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatmigrate.contract.postgres.TestDatabase;
import dev.chatmigrate.contract.postgres.TestPostgres;
import dev.chatmigrate.example.ChatbotClient.Reply;
import dev.chatmigrate.schema.ChatbotSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The API of one service, started in process on a fresh database (migrated at startup), driven over HTTP. */
class ChatbotApiTest {

    private static TestDatabase database;
    private static ChatbotApplication application;
    private static ChatbotClient client;

    @BeforeAll
    static void start() {
        database = TestPostgres.server().createDatabase();
        application = ChatbotApplication.start(TestEnvironment.of(database));
        client = new ChatbotClient(application.port());
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        database.close();
    }

    private static String newConversation() {
        Reply created = client.post("/conversations", "{\"userId\": \"alice\"}");
        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static long rows(String table) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    @Nested
    @DisplayName("GET /health and GET /")
    class HealthAndRoot {

        @Test
        @DisplayName("health is 200 with status ok and the schema version migrated at startup, as JSON")
        void healthIsOk() {
            Reply health = client.get("/health");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.contentType()).isEqualTo("application/json");
            assertThat(health.json().get("status").asText()).isEqualTo("ok");
            assertThat(health.json().get("schemaVersion").asInt()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        }

        @Test
        @DisplayName("the root lists the routes, so a Space's page shows what the service offers")
        void rootListsRoutes() {
            Reply root = client.get("/");

            assertThat(root.status()).isEqualTo(200);
            assertThat(root.json().get("routes").toString()).contains("GET /health", "POST /conversations/{id}/messages");
        }
    }

    @Nested
    @DisplayName("POST /conversations")
    class Conversations {

        @Test
        @DisplayName("creates a conversation: 201 with its id, userId, title and ISO-8601 timestamps, stored in the database")
        void creates() throws SQLException {
            long before = rows("conversations");

            Reply created = client.post("/conversations", "{\"userId\": \"alice\", \"title\": \"Trip to Lisbon\"}");

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.contentType()).isEqualTo("application/json");
            JsonNode json = created.json();
            assertThat(UUID.fromString(json.get("id").asText())).isNotNull();
            assertThat(json.get("userId").asText()).isEqualTo("alice");
            assertThat(json.get("title").asText()).isEqualTo("Trip to Lisbon");
            assertThat(Instant.parse(json.get("createdAt").asText())).isEqualTo(Instant.parse(json.get("updatedAt").asText()));
            assertThat(rows("conversations")).isEqualTo(before + 1);
        }

        @Test
        @DisplayName("the title is optional: without one it is null")
        void titleIsOptional() {
            Reply created = client.post("/conversations", "{\"userId\": \"bob\"}");

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("title").isNull()).isTrue();
        }

        @Test
        @DisplayName("userId and title may be 255 characters long, the width of their columns")
        void longestValues() {
            String longest = "é".repeat(255);

            Reply created = client.post("/conversations", "{\"userId\": \"" + longest + "\", \"title\": \"" + longest + "\"}");

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("userId").asText()).isEqualTo(longest);
        }
    }

    @Nested
    @DisplayName("POST and GET /conversations/{id}/messages")
    class Messages {

        @Test
        @DisplayName("messages are created with 201 and listed in the order they were added")
        void addAndListInOrder() {
            String conversation = newConversation();
            List<String> ids = new ArrayList<>();
            String[][] messages = {{"system", "You are a helpful assistant."}, {"user", "Hello!"}, {"assistant", "Hi, how can I help?"},
                    {"tool", "{\"weather\": \"sunny\"}"}, {"user", "Thanks 👍"}};

            for (String[] message : messages) {
                Reply added = client.post("/conversations/" + conversation + "/messages",
                        "{\"role\": \"" + message[0] + "\", \"content\": " + quoted(message[1]) + "}");
                assertThat(added.status()).as(added.json().toString()).isEqualTo(201);
                assertThat(added.json().get("conversationId").asText()).isEqualTo(conversation);
                assertThat(added.json().get("role").asText()).isEqualTo(message[0]);
                assertThat(added.json().get("content").asText()).isEqualTo(message[1]);
                assertThat(Instant.parse(added.json().get("createdAt").asText())).isNotNull();
                ids.add(added.json().get("id").asText());
            }

            Reply listed = client.get("/conversations/" + conversation + "/messages");

            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.contentType()).isEqualTo("application/json");
            assertThat(listed.json().get("conversationId").asText()).isEqualTo(conversation);
            JsonNode list = listed.json().get("messages");
            assertThat(list).hasSize(messages.length);
            for (int i = 0; i < messages.length; i++) {
                assertThat(list.get(i).get("id").asText()).isEqualTo(ids.get(i));
                assertThat(list.get(i).get("role").asText()).isEqualTo(messages[i][0]);
                assertThat(list.get(i).get("content").asText()).isEqualTo(messages[i][1]);
            }
        }

        @Test
        @DisplayName("a conversation without messages lists an empty array")
        void emptyConversation() {
            Reply listed = client.get("/conversations/" + newConversation() + "/messages");

            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().get("messages").isArray()).isTrue();
            assertThat(listed.json().get("messages")).isEmpty();
        }

        @Test
        @DisplayName("messages of one conversation do not show in another")
        void conversationsAreSeparate() {
            String first = newConversation();
            String second = newConversation();
            client.post("/conversations/" + first + "/messages", "{\"role\": \"user\", \"content\": \"only in the first\"}");

            assertThat(client.get("/conversations/" + second + "/messages").json().get("messages")).isEmpty();
            assertThat(client.get("/conversations/" + first + "/messages").json().get("messages")).hasSize(1);
        }

        private static String quoted(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    @Nested
    @DisplayName("bad input is 400 with a JSON error that says what was expected")
    class BadInput {

        static Stream<Arguments> conversationBodies() {
            return Stream.of(
                    Arguments.of("missing userId", "{\"title\": \"t\"}", "\"userId\" is required"),
                    Arguments.of("blank userId", "{\"userId\": \"   \"}", "\"userId\" must not be blank"),
                    Arguments.of("userId a number", "{\"userId\": 42}", "\"userId\" must be a string, found a number"),
                    Arguments.of("userId of 256 characters", "{\"userId\": \"" + "u".repeat(256) + "\"}", "at most 255"),
                    Arguments.of("title of 256 characters", "{\"userId\": \"a\", \"title\": \"" + "t".repeat(256) + "\"}", "\"title\" is 256 characters long"),
                    Arguments.of("an unknown field", "{\"userId\": \"a\", \"titel\": \"t\"}", "Unknown field \"titel\": expected only userId, title"),
                    Arguments.of("malformed JSON", "{\"userId\": ", "not valid JSON"),
                    Arguments.of("a duplicate field", "{\"userId\": \"a\", \"userId\": \"b\"}", "not valid JSON"),
                    Arguments.of("two JSON values", "{\"userId\": \"a\"} {}", "not valid JSON"),
                    Arguments.of("an array", "[{\"userId\": \"a\"}]", "The request body is an array: expected a JSON object such as"),
                    Arguments.of("an empty body", "", "The request body is empty"));
        }

        @ParameterizedTest(name = "POST /conversations with {0}")
        @MethodSource("conversationBodies")
        void conversation(String problem, String body, String expectedError) throws SQLException {
            long before = rows("conversations");

            Reply refused = client.post("/conversations", body);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).isEqualTo("application/json");
            assertThat(refused.error()).contains(expectedError);
            assertThat(rows("conversations")).isEqualTo(before);
        }

        static Stream<Arguments> messageBodies() {
            return Stream.of(
                    Arguments.of("an unknown role", "{\"role\": \"robot\", \"content\": \"x\"}",
                            "\"role\" must be one of system, user, assistant, tool; found \"robot\""),
                    Arguments.of("a role in capitals", "{\"role\": \"User\", \"content\": \"x\"}", "\"role\" must be one of"),
                    Arguments.of("no role", "{\"content\": \"x\"}", "\"role\" is required"),
                    Arguments.of("a role that is an array", "{\"role\": [\"user\"], \"content\": \"x\"}", "\"role\" must be a string, found an array"),
                    Arguments.of("no content", "{\"role\": \"user\"}", "\"content\" is required"),
                    Arguments.of("blank content", "{\"role\": \"user\", \"content\": \"\"}", "\"content\" must not be blank"),
                    Arguments.of("content with U+0000", "{\"role\": \"user\", \"content\": \"a\\u0000b\"}", "U+0000"),
                    Arguments.of("malformed JSON", "{role: user}", "not valid JSON at line 1"));
        }

        @ParameterizedTest(name = "POST a message with {0}")
        @MethodSource("messageBodies")
        void message(String problem, String body, String expectedError) throws SQLException {
            String conversation = newConversation();
            long before = rows("messages");

            Reply refused = client.post("/conversations/" + conversation + "/messages", body);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).isEqualTo("application/json");
            assertThat(refused.error()).contains(expectedError);
            assertThat(rows("messages")).isEqualTo(before);
        }
    }

    @Nested
    @DisplayName("unknown conversations and routes are 404, other methods 405")
    class NotFound {

        @Test
        @DisplayName("an unknown conversation id is 404 for reading and for adding, and nothing is stored")
        void unknownConversation() throws SQLException {
            String unknown = UUID.randomUUID().toString();
            long before = rows("messages");

            Reply read = client.get("/conversations/" + unknown + "/messages");
            Reply add = client.post("/conversations/" + unknown + "/messages", "{\"role\": \"user\", \"content\": \"hello?\"}");

            assertThat(read.status()).isEqualTo(404);
            assertThat(read.error()).contains("No conversation \"" + unknown + "\"");
            assertThat(add.status()).isEqualTo(404);
            assertThat(add.contentType()).isEqualTo("application/json");
            assertThat(rows("messages")).isEqualTo(before);
        }

        @Test
        @DisplayName("an id that is not a UUID cannot name a conversation: 404 that says ids are UUIDs")
        void notAUuid() {
            Reply read = client.get("/conversations/42/messages");

            assertThat(read.status()).isEqualTo(404);
            assertThat(read.error()).contains("No conversation \"42\"").contains("ids are UUIDs");
        }

        @Test
        @DisplayName("an unknown path is 404 listing the routes")
        void unknownPath() {
            Reply missing = client.get("/conversations/" + UUID.randomUUID());

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.contentType()).isEqualTo("application/json");
            assertThat(missing.error()).contains("GET /conversations/{id}/messages");
        }

        @Test
        @DisplayName("a method a route does not have is 405 with the Allow header")
        void methodNotAllowed() {
            Reply deleted = client.delete("/conversations");

            assertThat(deleted.status()).isEqualTo(405);
            assertThat(deleted.allow()).isEqualTo("POST");
            assertThat(deleted.error()).contains("DELETE is not allowed on /conversations");
        }
    }
}
