package dev.chatmigrate.memory.langchain4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.memory.jdbc.ChatMemoryTable;
import dev.chatmigrate.memory.langchain4j.internal.LangChain4jMessages;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A LangChain4j {@link ChatMemoryStore} on chatmigrate's {@code conversations} and {@code messages}
 * tables, which a migration engine has created; this class creates no table.
 *
 * <pre>{@code
 * ChatMemoryStore store = ChatmigrateChatMemoryStore.builder(dataSource).schema("chatbot").build();
 * ChatMemory memory = MessageWindowChatMemory.builder().id(conversationId).maxMessages(20).chatMemoryStore(store).build();
 * }</pre>
 *
 * A memory id is used as its string ({@link String#valueOf(Object)}). See the package documentation
 * for how conversation ids, order and message data are stored.
 */
public final class ChatmigrateChatMemoryStore implements ChatMemoryStore {

    /** The {@code conversations.user_id} of conversations this store creates, unless configured. */
    public static final String DEFAULT_USER_ID = "anonymous";

    private final Function<String, String> userIdForConversation;
    private final ChatMemoryTable table;
    private final LangChain4jMessages messages;

    private ChatmigrateChatMemoryStore(Builder builder) {
        ObjectMapper json = new ObjectMapper();
        this.userIdForConversation = builder.userIdForConversation;
        this.messages = new LangChain4jMessages(json);
        this.table = new ChatMemoryTable(builder.dataSource, builder.schema, messages::metadataValue, ChatMemoryStorageException::new);
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return table.read(conversationId(memoryId)).stream().map(messages::toMessage).toList();
    }

    /** Replaces the conversation's messages in one transaction, creating its row if missing. */
    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> newMessages) {
        table.replace(conversationId(memoryId), newMessages, messages::toRow, userIdForConversation);
    }

    /** Deletes the conversation's messages; its {@code conversations} row, which the application may own, stays. */
    @Override
    public void deleteMessages(Object memoryId) {
        table.delete(conversationId(memoryId));
    }

    private static String conversationId(Object memoryId) {
        if (memoryId == null) {
            throw new IllegalArgumentException("Expected a memory id (a UUID or any string with text), found null.");
        }
        return String.valueOf(memoryId);
    }

    /** Configures a {@link ChatmigrateChatMemoryStore}; only the data source is required. */
    public static final class Builder {

        private final DataSource dataSource;
        private String schema = "public";
        private Function<String, String> userIdForConversation = conversationId -> DEFAULT_USER_ID;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The schema holding {@code conversations} and {@code messages}; {@code public} by default. */
        public Builder schema(String schema) {
            if (schema == null || schema.isBlank()) {
                throw new IllegalArgumentException("Expected a schema name for the chat memory tables, found "
                        + (schema == null ? "null" : "'" + schema + "'") + "; leave it out for 'public'.");
            }
            this.schema = schema;
            return this;
        }

        /** The {@code user_id} of every conversation this store creates; {@value ChatmigrateChatMemoryStore#DEFAULT_USER_ID} by default. */
        public Builder userId(String userId) {
            Objects.requireNonNull(userId, "userId");
            return userIdForConversation(conversationId -> userId);
        }

        /** The {@code user_id} of a conversation this store creates, from its memory id as a string. */
        public Builder userIdForConversation(Function<String, String> userIdForConversation) {
            this.userIdForConversation = Objects.requireNonNull(userIdForConversation, "userIdForConversation");
            return this;
        }

        public ChatmigrateChatMemoryStore build() {
            return new ChatmigrateChatMemoryStore(this);
        }
    }
}
