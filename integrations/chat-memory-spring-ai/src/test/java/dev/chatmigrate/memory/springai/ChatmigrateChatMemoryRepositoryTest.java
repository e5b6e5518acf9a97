package dev.chatmigrate.memory.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.memory.jdbc.CanonicalTables;
import dev.chatmigrate.memory.jdbc.Rows;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeTypeUtils;

/** The repository's contract with Spring AI and with the canonical tables, on a real database. */
class ChatmigrateChatMemoryRepositoryTest {

    @FreshDatabase
    TestDatabase database;

    DataSource dataSource;
    ChatmigrateChatMemoryRepository repository;

    /** The canonical tables these tests run on: a plain {@code messages} here, a partitioned one in the subclasses. */
    DataSource tables() throws Exception {
        return CanonicalTables.create(database);
    }

    @BeforeEach
    void createTables() throws Exception {
        dataSource = tables();
        repository = ChatmigrateChatMemoryRepository.builder(dataSource).build();
    }

    /** The messages without their {@link ChatmigrateChatMemoryRepository#CONVERSATION_TS}, to compare them with the ones saved. */
    static List<Message> withoutCreationTime(List<Message> messages) {
        messages.forEach(message -> assertThat(message.getMetadata().remove(ChatmigrateChatMemoryRepository.CONVERSATION_TS))
                .as("the creation time of a read message").isInstanceOf(java.time.Instant.class));
        return messages;
    }

    private static List<Message> toolConversation() {
        AssistantMessage callsTools = AssistantMessage.builder()
                .content(null)
                .properties(Map.of("finishReason", "TOOL_CALLS", "index", 0))
                .toolCalls(List.of(new ToolCall("call-1", "function", "weather", "{\"city\":\"Lisbon\"}"),
                        new ToolCall("call-2", "function", "time", "{\"zone\":\"Europe/Lisbon\"}")))
                .build();
        ToolResponseMessage answers = ToolResponseMessage.builder()
                .responses(List.of(new ToolResponse("call-1", "weather", "{\"celsius\":21}"), new ToolResponse("call-2", "time", "\"14:05\"")))
                .build();
        return List.of(new SystemMessage("You are a travel agent."),
                UserMessage.builder().text("Weather and time in Lisbon?").metadata(Map.of("locale", "pt-PT")).build(),
                callsTools, answers, new AssistantMessage("21 °C at 14:05."));
    }

    @Nested
    @DisplayName("Message data")
    class MessageData {

        @Test
        @DisplayName("Tool calls, tool responses, message metadata and a null text come back equal to what was saved")
        void toolCallsRoundTrip() {
            repository.saveAll("trip", toolConversation());

            assertThat(withoutCreationTime(repository.findByConversationId("trip"))).isEqualTo(toolConversation());
        }

        @Test
        @DisplayName("Roles and text are in role/content, the rest in metadata as plain JSON other readers can query")
        void rowsAreReadable() throws Exception {
            repository.saveAll("trip", toolConversation());

            assertThat(Rows.query(dataSource, "select role, content, metadata->'toolCalls'->1->>'name', metadata->'toolResponses'->0->>'id',"
                    + " metadata->'attributes'->>'locale' from messages order by created_at")).containsExactly(
                    Arrays.asList("system", "You are a travel agent.", null, null, null),
                    Arrays.asList("user", "Weather and time in Lisbon?", null, null, "pt-PT"),
                    Arrays.asList("assistant", "", "time", null, null),
                    Arrays.asList("tool", "{\"celsius\":21}\n\"14:05\"", null, "call-1", null),
                    Arrays.asList("assistant", "21 °C at 14:05.", null, null, null));
        }

        @Test
        @DisplayName("Media of a user message (bytes and a URL) come back with their MIME type, name and data")
        void mediaRoundTrip() {
            Media image = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data("png".getBytes(StandardCharsets.UTF_8)).name("photo").build();
            Media link = Media.builder().mimeType(MimeTypeUtils.IMAGE_JPEG).data(URI.create("https://example.org/a.jpg")).name("link").build();
            repository.saveAll("media", List.of(UserMessage.builder().text("Look").media(image, link).build()));

            UserMessage back = (UserMessage) repository.findByConversationId("media").get(0);
            assertThat(back.getMedia()).extracting(Media::getName, Media::getMimeType).containsExactly(
                    tuple("photo", MimeTypeUtils.IMAGE_PNG), tuple("link", MimeTypeUtils.IMAGE_JPEG));
            assertThat(back.getMedia().get(0).getDataAsByteArray()).isEqualTo("png".getBytes(StandardCharsets.UTF_8));
            assertThat(back.getMedia().get(1).getData()).isEqualTo("https://example.org/a.jpg");
        }

        @Test
        @DisplayName("Rows written by someone else, with empty metadata, read as plain messages of their role")
        void foreignRowsAreRead() throws Exception {
            String id = Rows.query(dataSource, "insert into conversations (user_id) values ('u') returning id").get(0).get(0);
            Rows.execute(dataSource, "insert into messages (conversation_id, role, content, created_at) values"
                    + " ('" + id + "', 'user', 'hi', now()), ('" + id + "', 'tool', '42', now() + interval '1 second')");

            assertThat(withoutCreationTime(repository.findByConversationId(id))).containsExactly(new UserMessage("hi"),
                    ToolResponseMessage.builder().responses(List.of(new ToolResponse("", "", "42"))).build());
        }
    }

    @Nested
    @DisplayName("Order")
    class Order {

        @Test
        @DisplayName("500 messages saved in one call come back in their order, with strictly increasing created_at")
        void fiveHundredMessagesKeepTheirOrder() throws Exception {
            List<Message> messages = new ArrayList<>();
            IntStream.range(0, 500).forEach(i -> messages.add(i % 2 == 0 ? new UserMessage("message " + i) : new AssistantMessage("message " + i)));

            repository.saveAll("long", messages);

            assertThat(withoutCreationTime(repository.findByConversationId("long"))).isEqualTo(messages);
            assertThat(Rows.query(dataSource, "select count(distinct created_at), count(*) from messages")).containsExactly(List.of("500", "500"));
        }

        @Test
        @DisplayName("A later save of a longer conversation appends after every row already stored")
        void laterSavesAppend() {
            repository.saveAll("c", List.of(new UserMessage("one")));
            repository.saveAll("c", List.of(new UserMessage("one"), new AssistantMessage("two"), new UserMessage("three")));

            assertThat(withoutCreationTime(repository.findByConversationId("c"))).extracting(Message::getText).containsExactly("one", "two", "three");
        }

        @Test
        @DisplayName("saveAll replaces: a list that shares nothing with the stored one leaves only the new messages")
        void saveAllReplaces() {
            repository.saveAll("c", List.of(new UserMessage("old 1"), new AssistantMessage("old 2")));
            repository.saveAll("c", List.of(new UserMessage("new")));

            assertThat(withoutCreationTime(repository.findByConversationId("c"))).containsExactly(new UserMessage("new"));
        }
    }

    @Nested
    @DisplayName("Conversations")
    class Conversations {

        @Test
        @DisplayName("Two conversations do not mix")
        void conversationsDoNotMix() {
            repository.saveAll("alice", List.of(new UserMessage("I am Alice")));
            repository.saveAll("bob", List.of(new UserMessage("I am Bob")));

            assertThat(withoutCreationTime(repository.findByConversationId("alice"))).containsExactly(new UserMessage("I am Alice"));
            assertThat(withoutCreationTime(repository.findByConversationId("bob"))).containsExactly(new UserMessage("I am Bob"));
        }

        @Test
        @DisplayName("A UUID id is the row's id; another string maps to its name-based UUID, which lists and reads the same conversation")
        void idMapping() throws Exception {
            String uuid = UUID.randomUUID().toString();
            repository.saveAll(uuid, List.of(new UserMessage("by uuid")));
            repository.saveAll("default", List.of(new UserMessage("by name")));

            // uuid5(uuid5(NAMESPACE_URL, "urn:chatmigrate:chat-memory:conversation-id"), "default"), computed independently.
            String defaultUuid = "2f3a8fb6-4abb-580f-ae7c-1b437ae72e4b";
            assertThat(repository.findConversationIds()).containsExactlyInAnyOrder(uuid, defaultUuid);
            assertThat(withoutCreationTime(repository.findByConversationId(defaultUuid))).containsExactly(new UserMessage("by name"));
            assertThat(withoutCreationTime(repository.findByConversationId(uuid.toUpperCase()))).containsExactly(new UserMessage("by uuid"));
        }

        @Test
        @DisplayName("A name-based id is what PostgreSQL's uuid_generate_v5 gives for the documented namespace")
        void nameBasedIdMatchesPostgres() throws Exception {
            boolean uuidOssp = !Rows.query(dataSource, "select 1 from pg_available_extensions where name = 'uuid-ossp'").isEmpty();
            assumeTrue(uuidOssp, "this PostgreSQL server has no uuid-ossp extension to compare with");
            Rows.execute(dataSource, "create extension if not exists \"uuid-ossp\"");

            repository.saveAll("user-42:support", List.of(new UserMessage("hi")));

            assertThat(repository.findConversationIds()).isEqualTo(Rows.query(dataSource,
                    "select uuid_generate_v5('0b82b998-a1cf-5d1a-8f04-386914e29d13', 'user-42:support')::text").get(0));
        }

        @Test
        @DisplayName("Delete removes the messages; the conversation row stays and is no longer listed")
        void deleteRemovesMessages() throws Exception {
            repository.saveAll("gone", List.of(new UserMessage("x"), new AssistantMessage("y")));
            repository.saveAll("kept", List.of(new UserMessage("z")));

            repository.deleteByConversationId("gone");

            assertThat(withoutCreationTime(repository.findByConversationId("gone"))).isEmpty();
            assertThat(withoutCreationTime(repository.findByConversationId("kept"))).hasSize(1);
            assertThat(repository.findConversationIds()).hasSize(1);
            assertThat(Rows.query(dataSource, "select count(*) from conversations")).containsExactly(List.of("2"));
        }

        @Test
        @DisplayName("New conversations get the configured user id, or one derived from the conversation id")
        void userIdIsConfigurable() throws Exception {
            ChatmigrateChatMemoryRepository.builder(dataSource).userId("user-1").build().saveAll("a", List.of(new UserMessage("a")));
            ChatmigrateChatMemoryRepository.builder(dataSource).userIdForConversation(id -> id.split(":")[0]).build()
                    .saveAll("user-2:b", List.of(new UserMessage("b")));

            assertThat(Rows.query(dataSource, "select user_id from conversations order by user_id")).containsExactly(List.of("user-1"), List.of("user-2"));
        }
    }

    @Nested
    @DisplayName("Transactions and schemas")
    class TransactionsAndSchemas {

        @Test
        @DisplayName("A save that fails half-way leaves the stored conversation as it was")
        void failedSaveChangesNothing() {
            repository.saveAll("c", List.of(new UserMessage("kept")));

            // PostgreSQL text cannot hold NUL: the second insert of the batch fails.
            assertThatThrownBy(() -> repository.saveAll("c", List.of(new UserMessage("first"), new UserMessage("bad \u0000"))))
                    .isInstanceOf(ChatMemoryStorageException.class)
                    .hasMessageContaining("Could not save conversation c in public.messages");

            assertThat(withoutCreationTime(repository.findByConversationId("c"))).containsExactly(new UserMessage("kept"));
        }

        @Test
        @DisplayName("A save waits for the conversation row's lock, so concurrent saves of one conversation queue")
        void savesOfOneConversationQueue() throws Exception {
            repository.saveAll("c", List.of(new UserMessage("first")));
            try (Connection holder = dataSource.getConnection()) {
                holder.setAutoCommit(false);
                try (Statement lock = holder.createStatement()) {
                    lock.execute("select 1 from conversations for update");
                }
                CompletableFuture<Void> save = CompletableFuture.runAsync(() -> repository.saveAll("c", List.of(new UserMessage("second"))));

                awaitLockWaiters(1);
                assertThat(save).isNotDone();
                holder.commit();
                save.get(30, TimeUnit.SECONDS);
            }
            assertThat(withoutCreationTime(repository.findByConversationId("c"))).containsExactly(new UserMessage("second"));
        }

        private void awaitLockWaiters(int expected) throws Exception {
            String waiting = "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()";
            for (int attempt = 0; attempt < 300 && !Rows.query(dataSource, waiting).get(0).get(0).equals(String.valueOf(expected)); attempt++) {
                Thread.sleep(100);
            }
            assertThat(Rows.query(dataSource, waiting)).containsExactly(List.of(String.valueOf(expected)));
        }

        @Test
        @DisplayName("The tables may live in another schema")
        void otherSchema() throws Exception {
            DataSource chatbot = CanonicalTables.create(database, "chatbot");
            ChatmigrateChatMemoryRepository inChatbot = ChatmigrateChatMemoryRepository.builder(chatbot).schema("chatbot").build();

            inChatbot.saveAll("c", List.of(new UserMessage("hello")));

            assertThat(withoutCreationTime(inChatbot.findByConversationId("c"))).containsExactly(new UserMessage("hello"));
            assertThat(Rows.query(dataSource, "select count(*) from chatbot.messages")).containsExactly(List.of("1"));
            assertThat(Rows.query(dataSource, "select count(*) from public.messages")).containsExactly(List.of("0"));
        }

        @Test
        @DisplayName("A missing table is one clear error that says what to check")
        void missingTables() {
            ChatmigrateChatMemoryRepository nowhere = ChatmigrateChatMemoryRepository.builder(dataSource).schema("nowhere").build();

            assertThatThrownBy(() -> nowhere.findByConversationId("c"))
                    .isInstanceOf(ChatMemoryStorageException.class)
                    .hasMessageContaining("nowhere.messages")
                    .hasMessageContaining("Check that chatmigrate has migrated this schema");
        }
    }
}
