package dev.chatmigrate.memory.jdbc;

import java.sql.SQLException;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * What configures a chat memory on the canonical tables, whichever its framework: the data source, the schema and the
 * {@code user_id} of the conversations it creates. Each framework's store has a builder that extends this one and
 * builds the store from {@link #table} and {@link #userIdForConversation()}.
 *
 * @param <B> the framework's own builder, which every setter returns
 */
public abstract class ChatMemoryBuilder<B extends ChatMemoryBuilder<B>> {

    /** The {@code conversations.user_id} of conversations a chat memory creates, unless configured. */
    public static final String DEFAULT_USER_ID = "anonymous";

    private final DataSource dataSource;
    private String schema = "public";
    private Function<String, String> userIdForConversation = conversationId -> DEFAULT_USER_ID;

    protected ChatMemoryBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The schema holding {@code conversations} and {@code messages}; {@code public} by default. */
    public B schema(String schema) {
        if (schema == null || schema.isBlank()) {
            throw new IllegalArgumentException("Expected a schema name for the chat memory tables, found "
                    + (schema == null ? "null" : "'" + schema + "'") + "; leave it out for 'public'.");
        }
        this.schema = schema;
        return self();
    }

    /** The {@code user_id} of every conversation the chat memory creates; {@value #DEFAULT_USER_ID} by default. */
    public B userId(String userId) {
        Objects.requireNonNull(userId, "userId");
        return userIdForConversation(conversationId -> userId);
    }

    /** The {@code user_id} of a conversation the chat memory creates, from its conversation id as a string. */
    public B userIdForConversation(Function<String, String> userIdForConversation) {
        this.userIdForConversation = Objects.requireNonNull(userIdForConversation, "userIdForConversation");
        return self();
    }

    /** The table access for the configured data source and schema (see {@link ChatMemoryTable}'s parameters). */
    protected final ChatMemoryTable table(Function<String, ?> metadataValue, BiFunction<String, SQLException, ? extends RuntimeException> failure) {
        return new ChatMemoryTable(dataSource, schema, metadataValue, failure);
    }

    protected final Function<String, String> userIdForConversation() {
        return userIdForConversation;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
