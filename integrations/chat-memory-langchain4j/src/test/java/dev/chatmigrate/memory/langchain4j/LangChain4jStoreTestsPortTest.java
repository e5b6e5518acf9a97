package dev.chatmigrate.memory.langchain4j;

import static dev.langchain4j.data.message.AiMessage.aiMessage;
import static dev.langchain4j.data.message.SystemMessage.systemMessage;
import static dev.langchain4j.data.message.UserMessage.userMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.memory.jdbc.CanonicalTables;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j 1.19.0's own store tests ({@code InMemoryChatMemoryStoreTest}, the JDBC store's
 * {@code OracleChatMemoryStoreIT}) and the {@code MessageWindowChatMemoryTest} cases that go through a
 * store, on chatmigrate's store: the set-up is changed (a fresh PostgreSQL database with the canonical
 * tables, the window memory given this store); the assertions are LangChain4j's, except where
 * docs/chat-memory.md lists a deliberate difference.
 */
class LangChain4jStoreTestsPortTest {

    @FreshDatabase
    TestDatabase database;

    DataSource dataSource;
    ChatmigrateChatMemoryStore store;

    @BeforeEach
    void createTables() throws Exception {
        dataSource = CanonicalTables.create(database);
        store = ChatmigrateChatMemoryStore.builder(dataSource).build();
    }

    @Nested
    @DisplayName("InMemoryChatMemoryStoreTest")
    class InMemoryStoreTests {

        @Test
        void test() {
            assertThat(store.getMessages("foo")).isEmpty();

            store.updateMessages("foo", Arrays.asList(new UserMessage("abc def"), new AiMessage("ghi jkl")));

            assertThat(store.getMessages("foo")).containsExactly(new UserMessage("abc def"), new AiMessage("ghi jkl"));

            store.deleteMessages("foo");

            assertThat(store.getMessages("foo")).isEmpty();
        }
    }

    @Nested
    @DisplayName("OracleChatMemoryStoreIT (LangChain4j's JDBC store)")
    class JdbcStoreTests {

        @Test
        void should_return_empty_list_for_unknown_memory_id() {
            assertThat(store.getMessages("unknown-id")).isEmpty();
        }

        @Test
        void should_store_and_retrieve_messages() {
            store.updateMessages("user-1", Arrays.<ChatMessage>asList(SystemMessage.from("You are a helpful assistant"),
                    UserMessage.from("Hello"), AiMessage.from("Hi there")));

            List<ChatMessage> retrieved = store.getMessages("user-1");
            assertThat(retrieved).hasSize(3);
            assertThat(retrieved.get(0)).isInstanceOf(SystemMessage.class);
            assertThat(retrieved.get(1)).isInstanceOf(UserMessage.class);
            assertThat(retrieved.get(2)).isInstanceOf(AiMessage.class);
        }

        @Test
        void should_replace_messages_on_update() {
            store.updateMessages("user-replace", Arrays.<ChatMessage>asList(UserMessage.from("Old message"), AiMessage.from("Old reply")));
            store.updateMessages("user-replace", Collections.<ChatMessage>singletonList(UserMessage.from("Brand new message")));

            List<ChatMessage> retrieved = store.getMessages("user-replace");
            assertThat(retrieved).hasSize(1);
            assertThat(((UserMessage) retrieved.get(0)).singleText()).isEqualTo("Brand new message");
        }

        @Test
        void should_delete_messages() {
            store.updateMessages("user-delete", Collections.<ChatMessage>singletonList(UserMessage.from("Delete me")));

            store.deleteMessages("user-delete");

            assertThat(store.getMessages("user-delete")).isEmpty();
        }

        @Test
        void should_isolate_messages_by_memory_id() {
            store.updateMessages("a", Collections.<ChatMessage>singletonList(UserMessage.from("Message A")));
            store.updateMessages("b", Collections.<ChatMessage>singletonList(UserMessage.from("Message B")));

            assertThat(store.getMessages("a")).containsExactly(UserMessage.from("Message A"));
            assertThat(store.getMessages("b")).containsExactly(UserMessage.from("Message B"));
        }

        /** Set-up: a schema without the tables instead of a dropped table; the failure is the store's RuntimeException. */
        @Test
        void should_throw_when_table_does_not_exist() {
            ChatmigrateChatMemoryStore missingTableStore = ChatmigrateChatMemoryStore.builder(dataSource).schema("missing").build();

            assertThatThrownBy(() -> missingTableStore.getMessages("missing")).isInstanceOf(RuntimeException.class);
        }

        /** The JDBC store's argument checks; the message is chatmigrate's sentence (expected, found), not "cannot be null". */
        @Test
        void should_reject_null_memory_id_and_null_messages() {
            assertThatThrownBy(() -> store.getMessages(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory id");
            assertThatThrownBy(() -> store.updateMessages(null, List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.deleteMessages(null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.updateMessages("a", null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("found null");
            assertThatThrownBy(() -> store.updateMessages("a", Arrays.asList(UserMessage.from("x"), null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
        }
    }

    @Nested
    @DisplayName("MessageWindowChatMemoryTest, through this store")
    class WindowMemoryTests {

        private ChatMemory window(int maxMessages) {
            return MessageWindowChatMemory.builder().maxMessages(maxMessages).chatMemoryStore(store).build();
        }

        @Test
        void store_and_clear() {
            ChatMemory chatMemory = window(2);

            chatMemory.add(userMessage("hello"));
            chatMemory.add(userMessage("world"));
            assertThat(chatMemory.messages()).containsExactly(userMessage("hello"), userMessage("world"));

            chatMemory.add(userMessage("banana"));
            assertThat(chatMemory.messages()).containsExactly(userMessage("world"), userMessage("banana"));

            chatMemory.clear();
            chatMemory.clear();

            assertThat(chatMemory.messages()).isEmpty();
        }

        @Test
        void should_keep_specified_number_of_messages_in_chat_memory() {
            ChatMemory chatMemory = window(3);

            UserMessage firstUserMessage = userMessage("hello");
            chatMemory.add(firstUserMessage);
            assertThat(chatMemory.messages()).hasSize(1).containsExactly(firstUserMessage);

            AiMessage firstAiMessage = aiMessage("hi");
            chatMemory.add(firstAiMessage);
            assertThat(chatMemory.messages()).hasSize(2).containsExactly(firstUserMessage, firstAiMessage);

            UserMessage secondUserMessage = userMessage("sup");
            chatMemory.add(secondUserMessage);
            assertThat(chatMemory.messages()).hasSize(3).containsExactly(firstUserMessage, firstAiMessage, secondUserMessage);

            AiMessage secondAiMessage = aiMessage("not much");
            chatMemory.add(secondAiMessage);
            assertThat(chatMemory.messages()).hasSize(3).containsExactly(firstAiMessage, secondUserMessage, secondAiMessage);
        }

        @Test
        void should_not_evict_system_message_from_chat_memory() {
            ChatMemory chatMemory = window(3);
            SystemMessage systemMessage = systemMessage("You are a helpful assistant");
            chatMemory.add(systemMessage);
            UserMessage firstUserMessage = userMessage("Hello");
            chatMemory.add(firstUserMessage);
            AiMessage firstAiMessage = aiMessage("Hi, how can I help you?");
            chatMemory.add(firstAiMessage);
            assertThat(chatMemory.messages()).containsExactly(systemMessage, firstUserMessage, firstAiMessage);

            UserMessage secondUserMessage = userMessage("Tell me a joke");
            chatMemory.add(secondUserMessage);
            assertThat(chatMemory.messages()).containsExactly(systemMessage, firstAiMessage, secondUserMessage);

            AiMessage secondAiMessage = aiMessage("Why did the Java developer wear glasses? Because they didn't see sharp!");
            chatMemory.add(secondAiMessage);
            assertThat(chatMemory.messages()).containsExactly(systemMessage, secondUserMessage, secondAiMessage);
        }

        @Test
        void should_keep_only_the_latest_system_message_in_chat_memory() {
            ChatMemory chatMemory = window(3);
            SystemMessage firstSystemMessage = systemMessage("You are a helpful assistant");
            chatMemory.add(firstSystemMessage);
            UserMessage firstUserMessage = userMessage("Hello");
            chatMemory.add(firstUserMessage);
            AiMessage firstAiMessage = aiMessage("Hi, how can I help you?");
            chatMemory.add(firstAiMessage);
            assertThat(chatMemory.messages()).containsExactly(firstSystemMessage, firstUserMessage, firstAiMessage);

            SystemMessage secondSystemMessage = systemMessage("You are an unhelpful assistant");
            chatMemory.add(secondSystemMessage);
            assertThat(chatMemory.messages()).containsExactly(firstUserMessage, firstAiMessage, secondSystemMessage);
        }

        @Test
        void should_not_add_the_same_system_message_to_chat_memory_if_it_is_already_there() {
            ChatMemory chatMemory = window(3);
            SystemMessage systemMessage = systemMessage("You are a helpful assistant");
            chatMemory.add(systemMessage);
            UserMessage userMessage = userMessage("Hello");
            chatMemory.add(userMessage);
            AiMessage aiMessage = aiMessage("Hi, how can I help you?");
            chatMemory.add(aiMessage);
            assertThat(chatMemory.messages()).containsExactly(systemMessage, userMessage, aiMessage);

            chatMemory.add(systemMessage);

            assertThat(chatMemory.messages()).containsExactly(systemMessage, userMessage, aiMessage);
        }
    }
}
