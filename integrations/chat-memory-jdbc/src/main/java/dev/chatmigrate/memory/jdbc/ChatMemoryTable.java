package dev.chatmigrate.memory.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A chat memory's access to {@code conversations} and {@code messages} in one schema, shared by
 * the Spring AI and LangChain4j chat memories, which map their messages to {@link MessageRow}s and
 * back. Internal to those modules, not an API of its own: it may change with them.
 *
 * <p>It maps conversation ids to rows (a UUID string is {@code conversations.id}, any other string
 * its name-based UUID), orders messages by {@code created_at}, saves a conversation in one
 * transaction keeping the stored rows that begin the new list, and reports a database failure as
 * the framework module's exception.
 */
public final class ChatMemoryTable {

    private final DataSource dataSource;
    private final String schema;
    private final MessageStatements statements;
    private final BiFunction<String, SQLException, ? extends RuntimeException> failure;

    /**
     * @param metadataValue the value of a row's {@code metadata} text that rows are compared by
     *     (the framework's JSON tree): PostgreSQL returns jsonb with its own key order and spacing
     * @param failure the framework module's exception for a message and the driver's exception
     */
    public ChatMemoryTable(DataSource dataSource, String schema, Function<String, ?> metadataValue,
            BiFunction<String, SQLException, ? extends RuntimeException> failure) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.statements = new MessageStatements(schema, Objects.requireNonNull(metadataValue, "metadataValue"));
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** The ids of conversations that have messages, oldest conversation first, as UUID strings. */
    public List<String> conversationIds() {
        try (Connection connection = dataSource.getConnection()) {
            return statements.conversationsWithMessages(connection).stream().map(UUID::toString).toList();
        } catch (SQLException e) {
            throw failure("list the conversations in " + schema + ".conversations", e);
        }
    }

    /** The conversation's messages, oldest first. */
    public List<MessageRow> read(String conversationId) {
        UUID id = ConversationIds.toUuid(conversationId);
        try (Connection connection = dataSource.getConnection()) {
            return statements.read(connection, id).stream().map(MessageStatements.StoredRow::row).toList();
        } catch (SQLException e) {
            throw failure("read conversation " + conversationId + " from " + schema + ".messages", e);
        }
    }

    /**
     * Replaces the conversation's messages with {@code messages} in one transaction, creating its
     * row if missing with the user id {@code userIdForConversation} gives for {@code conversationId}.
     *
     * @throws IllegalArgumentException when {@code messages} is null or holds a null
     */
    public <M> void replace(String conversationId, List<M> messages, Function<? super M, MessageRow> toRow,
            Function<String, String> userIdForConversation) {
        UUID id = ConversationIds.toUuid(conversationId);
        checkMessages(conversationId, messages);
        List<MessageRow> rows = messages.stream().<MessageRow>map(toRow).toList();
        String userId = Objects.requireNonNull(userIdForConversation.apply(conversationId), "the user id for " + conversationId);
        inTransaction("save conversation " + conversationId + " in " + schema + ".messages",
                connection -> statements.replace(connection, id, userId, rows));
    }

    /** A null list or element is the caller's error, an {@link IllegalArgumentException} as the frameworks' own stores raise it. */
    private static void checkMessages(String conversationId, List<?> messages) {
        if (messages == null) {
            throw new IllegalArgumentException("Expected the list of messages to save in conversation " + conversationId
                    + ", found null; pass an empty list, or delete the conversation, to clear it.");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) == null) {
                throw new IllegalArgumentException("Expected a message at index " + i + " of the " + messages.size()
                        + " to save in conversation " + conversationId + ", found null; nothing was saved.");
            }
        }
    }

    /** Deletes the conversation's messages; its {@code conversations} row, which the application may own, stays. */
    public void delete(String conversationId) {
        UUID id = ConversationIds.toUuid(conversationId);
        inTransaction("delete conversation " + conversationId + " from " + schema + ".messages",
                connection -> statements.deleteMessages(connection, id));
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

    private RuntimeException failure(String what, SQLException e) {
        return failure.apply("Could not " + what + ": " + e.getMessage()
                + " (SQLState " + e.getSQLState() + "). Check that chatmigrate has migrated this schema.", e);
    }
}
