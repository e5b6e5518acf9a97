package dev.chatmigrate.memory.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.memory.jdbc.CanonicalTables;
import dev.chatmigrate.memory.jdbc.Rows;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The store's contract with LangChain4j and with the canonical tables, on a real database. */
class ChatmigrateChatMemoryStoreTest {

    @FreshDatabase
    TestDatabase database;

    DataSource dataSource;
    ChatmigrateChatMemoryStore store;

    /** The canonical tables these tests run on: a plain {@code messages} here, a partitioned one in the subclasses. */
    DataSource tables() throws Exception {
        return CanonicalTables.create(database);
    }

    @BeforeEach
    void createTables() throws Exception {
        dataSource = tables();
        store = ChatmigrateChatMemoryStore.builder(dataSource).build();
    }

    private static List<ChatMessage> toolConversation() {
        ToolExecutionRequest weather = ToolExecutionRequest.builder().id("call-1").name("weather").arguments("{\"city\":\"Lisbon\"}").build();
        ToolExecutionRequest time = ToolExecutionRequest.builder().id("call-2").name("time").arguments("{}").build();
        return List.of(SystemMessage.from("You are a travel agent."),
                UserMessage.from("ada", "Weather and time in Lisbon?"),
                AiMessage.builder().thinking("Two tools.").toolExecutionRequests(List.of(weather, time))
                        .attributes(Map.of("provider", "scripted", "attempt", 1)).build(),
                ToolExecutionResultMessage.from(weather, "{\"celsius\":21}"),
                ToolExecutionResultMessage.builder().id("call-2").toolName("time").text("clock down").isError(true).build(),
                AiMessage.from("21 °C; the clock is down."));
    }

    private ChatMemory windowOf(Object id, int maxMessages) {
        return MessageWindowChatMemory.builder().id(id).maxMessages(maxMessages).chatMemoryStore(store).build();
    }

    @Nested
    @DisplayName("Message data")
    class MessageData {

        @Test
        @DisplayName("Tool execution requests and results, thinking, attributes, a user's name come back equal to what was saved")
        void toolCallsRoundTrip() {
            store.updateMessages("trip", toolConversation());

            assertThat(store.getMessages("trip")).isEqualTo(toolConversation());
        }

        @Test
        @DisplayName("Roles and text are in role/content, the rest in metadata under LangChain4j's field names")
        void rowsAreReadable() throws Exception {
            store.updateMessages("trip", toolConversation());

            assertThat(Rows.query(dataSource, "select role, content, metadata->>'name', metadata->'toolExecutionRequests'->1->>'name',"
                    + " metadata->>'id', metadata->>'isError' from messages order by created_at")).containsExactly(
                    Arrays.asList("system", "You are a travel agent.", null, null, null, null),
                    Arrays.asList("user", "Weather and time in Lisbon?", "ada", null, null, null),
                    Arrays.asList("assistant", "", null, "time", null, null),
                    Arrays.asList("tool", "{\"celsius\":21}", null, null, "call-1", null),
                    Arrays.asList("tool", "clock down", null, null, "call-2", "true"),
                    Arrays.asList("assistant", "21 °C; the clock is down.", null, null, null, null));
            assertThat(Rows.query(dataSource, "select role, content from messages where metadata = '{}'::jsonb order by created_at"))
                    .containsExactly(List.of("system", "You are a travel agent."), List.of("assistant", "21 °C; the clock is down."));
        }

        @Test
        @DisplayName("A user message of text and an image keeps both parts; content holds its text")
        void multimodalUserMessage() throws Exception {
            UserMessage withImage = UserMessage.from(TextContent.from("What is this?"), ImageContent.from("https://example.org/cat.png"));
            store.updateMessages("image", List.of(withImage));

            assertThat(store.getMessages("image")).containsExactly(withImage);
            assertThat(Rows.query(dataSource, "select content from messages")).containsExactly(List.of("What is this?"));
        }

        @Test
        @DisplayName("A custom message, which no role can hold, is refused with one clear line and nothing is written")
        void customMessageIsRefused() throws Exception {
            assertThatThrownBy(() -> store.updateMessages("c", List.of(UserMessage.from("hi"), new CustomMessage(Map.of("k", "v")))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("found a CustomMessage");
            assertThat(Rows.query(dataSource, "select count(*) from messages")).containsExactly(List.of("0"));
        }
    }

    @Nested
    @DisplayName("Through MessageWindowChatMemory")
    class WindowMemory {

        @Test
        @DisplayName("Messages added to a window memory are read back by a new memory over the same store")
        void windowRoundTrip() {
            ChatMemory memory = windowOf("chat-1", 10);
            toolConversation().forEach(memory::add);

            assertThat(windowOf("chat-1", 10).messages()).isEqualTo(toolConversation());
        }

        @Test
        @DisplayName("When the window slides, the rows that stay keep their id and created_at; only the oldest go")
        void slidingWindowKeepsSurvivingRows() throws Exception {
            ChatMemory memory = windowOf("window", 3);
            memory.add(UserMessage.from("q1"));
            memory.add(AiMessage.from("a1"));
            memory.add(UserMessage.from("q2"));
            List<List<String>> before = Rows.query(dataSource, "select id::text, created_at::text, content from messages order by created_at");

            memory.add(AiMessage.from("a2"));

            List<List<String>> after = Rows.query(dataSource, "select id::text, created_at::text, content from messages order by created_at");
            assertThat(after).extracting(row -> row.get(2)).containsExactly("a1", "q2", "a2");
            assertThat(after.subList(0, 2)).isEqualTo(before.subList(1, 3));
        }

        @Test
        @DisplayName("clear() deletes the messages; the conversation row stays")
        void clearDeletes() throws Exception {
            ChatMemory memory = windowOf("gone", 10);
            memory.add(UserMessage.from("x"));
            windowOf("kept", 10).add(UserMessage.from("y"));

            memory.clear();

            assertThat(store.getMessages("gone")).isEmpty();
            assertThat(store.getMessages("kept")).containsExactly(UserMessage.from("y"));
            assertThat(Rows.query(dataSource, "select count(*) from conversations")).containsExactly(List.of("2"));
        }
    }

    @Nested
    @DisplayName("Order and conversations")
    class OrderAndConversations {

        @Test
        @DisplayName("500 messages saved in one call come back in their order, with strictly increasing created_at")
        void fiveHundredMessagesKeepTheirOrder() throws Exception {
            List<ChatMessage> messages = new ArrayList<>();
            IntStream.range(0, 500).forEach(i -> messages.add(i % 2 == 0 ? UserMessage.from("message " + i) : AiMessage.from("message " + i)));

            store.updateMessages("long", messages);

            assertThat(store.getMessages("long")).isEqualTo(messages);
            assertThat(Rows.query(dataSource, "select count(distinct created_at), count(*) from messages")).containsExactly(List.of("500", "500"));
        }

        @Test
        @DisplayName("Two conversations do not mix; a UUID memory id is the row's id, another id its name-based UUID")
        void conversationsAndIds() throws Exception {
            UUID uuid = UUID.randomUUID();
            store.updateMessages(uuid, List.of(UserMessage.from("by uuid")));
            store.updateMessages("default", List.of(UserMessage.from("by name")));
            store.updateMessages(42, List.of(UserMessage.from("by number")));

            assertThat(store.getMessages(uuid.toString())).containsExactly(UserMessage.from("by uuid"));
            // uuid5(uuid5(NAMESPACE_URL, "urn:chatmigrate:chat-memory:conversation-id"), "default"), computed independently.
            assertThat(store.getMessages("2f3a8fb6-4abb-580f-ae7c-1b437ae72e4b")).containsExactly(UserMessage.from("by name"));
            assertThat(store.getMessages("42")).containsExactly(UserMessage.from("by number"));
            assertThat(Rows.query(dataSource, "select count(*) from conversations where id = ?", uuid)).containsExactly(List.of("1"));
        }

        @Test
        @DisplayName("A save that fails half-way leaves the stored conversation as it was")
        void failedSaveChangesNothing() {
            store.updateMessages("c", List.of(UserMessage.from("kept")));

            assertThatThrownBy(() -> store.updateMessages("c", List.of(UserMessage.from("first"), UserMessage.from("bad \u0000"))))
                    .isInstanceOf(ChatMemoryStorageException.class)
                    .hasMessageContaining("Could not save conversation c in public.messages");

            assertThat(store.getMessages("c")).containsExactly(UserMessage.from("kept"));
        }

        @Test
        @DisplayName("The tables may live in another schema, and new conversations get the configured user id")
        void otherSchemaAndUserId() throws Exception {
            DataSource chatbot = CanonicalTables.create(database, "chatbot");
            ChatmigrateChatMemoryStore inChatbot = ChatmigrateChatMemoryStore.builder(chatbot).schema("chatbot").userId("user-1").build();

            inChatbot.updateMessages("c", List.of(UserMessage.from("hello")));

            assertThat(inChatbot.getMessages("c")).containsExactly(UserMessage.from("hello"));
            assertThat(Rows.query(dataSource, "select user_id from chatbot.conversations")).containsExactly(List.of("user-1"));
            assertThat(Rows.query(dataSource, "select count(*) from public.messages")).containsExactly(List.of("0"));
        }
    }
}
