package dev.chatmigrate.memory.langchain4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.memory.langchain4j.internal.ConversationIds;
import dev.chatmigrate.memory.langchain4j.internal.LangChain4jMessages;
import dev.chatmigrate.memory.langchain4j.internal.MessageRow;
import dev.chatmigrate.memory.langchain4j.internal.MessageTable;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
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

    private final DataSource dataSource;
    private final String schema;
    private final Function<String, String> userIdForConversation;
    private final MessageTable table;
    private final LangChain4jMessages messages;

    private ChatmigrateChatMemoryStore(Builder builder) {
        ObjectMapper json = new ObjectMapper();
        this.dataSource = builder.dataSource;
        this.schema = builder.schema;
        this.userIdForConversation = builder.userIdForConversation;
        this.table = new MessageTable(builder.schema, json);
        this.messages = new LangChain4jMessages(json);
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        String conversationId = conversationId(memoryId);
        UUID id = ConversationIds.toUuid(conversationId);
        try (Connection connection = dataSource.getConnection()) {
            return table.read(connection, id).stream().map(stored -> messages.toMessage(stored.row())).toList();
        } catch (SQLException e) {
            throw failure("read conversation " + conversationId + " from " + schema + ".messages", e);
        }
    }

    /** Replaces the conversation's messages in one transaction, creating its row if missing. */
    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> newMessages) {
        String conversationId = conversationId(memoryId);
        UUID id = ConversationIds.toUuid(conversationId);
        Objects.requireNonNull(newMessages, "messages");
        List<MessageRow> rows = newMessages.stream().map(messages::toRow).toList();
        String userId = Objects.requireNonNull(userIdForConversation.apply(conversationId), "the user id for " + conversationId);
        inTransaction("save conversation " + conversationId + " in " + schema + ".messages",
                connection -> table.replace(connection, id, userId, rows));
    }

    /** Deletes the conversation's messages; its {@code conversations} row, which the application may own, stays. */
    @Override
    public void deleteMessages(Object memoryId) {
        String conversationId = conversationId(memoryId);
        UUID id = ConversationIds.toUuid(conversationId);
        inTransaction("delete conversation " + conversationId + " from " + schema + ".messages",
                connection -> table.deleteMessages(connection, id));
    }

    private static String conversationId(Object memoryId) {
        if (memoryId == null) {
            throw new IllegalArgumentException("Expected a memory id (a UUID or any non-empty string), found null.");
        }
        return String.valueOf(memoryId);
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void inTransaction(String what, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static ChatMemoryStorageException failure(String what, SQLException e) {
        return new ChatMemoryStorageException("Could not " + what + ": " + e.getMessage()
                + " (SQLState " + e.getSQLState() + "). Check that chatmigrate has migrated this schema.", e);
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
