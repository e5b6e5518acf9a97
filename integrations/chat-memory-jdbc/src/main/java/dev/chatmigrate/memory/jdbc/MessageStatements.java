package dev.chatmigrate.memory.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Plain JDBC over {@code conversations} and {@code messages} in one schema. A conversation's order
 * is {@code messages.created_at}: rows saved in one call get strictly increasing timestamps after
 * every row already stored (the creation time a re-saved message carries when it is later than the
 * row before, else one microsecond after that row), so {@code order by created_at} is exact.
 * The caller owns the connection and its transaction.
 */
final class MessageStatements {

    private final Function<String, ?> metadataValue;
    private final String conversations;
    private final String messages;

    MessageStatements(String schema, Function<String, ?> metadataValue) {
        this.metadataValue = metadataValue;
        String quoted = '"' + schema.replace("\"", "\"\"") + '"';
        this.conversations = quoted + ".conversations";
        this.messages = quoted + ".messages";
    }

    /** A stored row with its id and time, as read back. */
    record StoredRow(UUID id, OffsetDateTime createdAt, MessageRow row) {
    }

    /** Ids of the conversations that have at least one message, oldest conversation first. */
    List<UUID> conversationsWithMessages(Connection connection) throws SQLException {
        String sql = "select c.id from " + conversations + " c where exists (select 1 from " + messages
                + " m where m.conversation_id = c.id) order by c.created_at, c.id";
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** The conversation's messages, oldest first. */
    List<StoredRow> read(Connection connection, UUID conversationId) throws SQLException {
        String sql = "select id, created_at, role, content, metadata::text from " + messages
                + " where conversation_id = ? order by created_at";
        List<StoredRow> stored = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, conversationId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime createdAt = rows.getObject(2, OffsetDateTime.class);
                    MessageRow row = new MessageRow(rows.getString(3), rows.getString(4), rows.getString(5), createdAt.toInstant());
                    stored.add(new StoredRow(rows.getObject(1, UUID.class), createdAt, row));
                }
            }
        }
        return stored;
    }

    /**
     * Makes the conversation's messages exactly {@code wanted}, in one transaction the caller
     * commits: creates the conversation row if missing (for {@code userId}), locks it, keeps the
     * stored rows that already begin {@code wanted} (a window that only dropped its oldest messages
     * and appended new ones rewrites nothing else), deletes the rest and appends what is new.
     */
    void replace(Connection connection, UUID conversationId, String userId, List<MessageRow> wanted) throws SQLException {
        OffsetDateTime now = lockConversation(connection, conversationId, userId);
        List<StoredRow> stored = read(connection, conversationId);
        int keepFrom = MessageOverlap.firstKeptIndex(stored.stream().map(row -> compared(row.row())).toList(),
                wanted.stream().map(this::compared).toList());
        int kept = stored.size() - keepFrom;
        List<UUID> dropped = stored.subList(0, keepFrom).stream().map(StoredRow::id).toList();
        if (!dropped.isEmpty()) {
            deleteRows(connection, dropped);
        }
        OffsetDateTime after = kept == 0 ? null : stored.get(stored.size() - 1).createdAt();
        insert(connection, conversationId, wanted.subList(kept, wanted.size()), now, after);
    }

    /** Deletes the conversation's messages; the conversation row stays. Returns how many were deleted. */
    int deleteMessages(Connection connection, UUID conversationId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from " + messages + " where conversation_id = ?")) {
            statement.setObject(1, conversationId);
            return statement.executeUpdate();
        }
    }

    private OffsetDateTime lockConversation(Connection connection, UUID conversationId, String userId) throws SQLException {
        String sql = "insert into " + conversations + " (id, user_id) values (?, ?)"
                + " on conflict (id) do update set updated_at = now() returning updated_at";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, conversationId);
            statement.setString(2, userId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private void deleteRows(Connection connection, List<UUID> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from " + messages + " where id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            statement.executeUpdate();
        }
    }

    private void insert(Connection connection, UUID conversationId, List<MessageRow> rows, OffsetDateTime now, OffsetDateTime newestKept)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime previous = newestKept;
        String sql = "insert into " + messages + " (conversation_id, role, content, metadata, created_at) values (?, ?, ?, ?::jsonb, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                MessageRow row = rows.get(i);
                statement.setObject(1, conversationId);
                statement.setString(2, row.role());
                statement.setString(3, row.content());
                statement.setString(4, row.metadata());
                previous = timestamp(row.createdAt() == null ? now : row.createdAt().atOffset(now.getOffset()), previous);
                statement.setObject(5, previous);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** What decides whether two rows are one message: the metadata as a JSON value, since jsonb does not keep the text as written. */
    private record Compared(String role, String content, Object metadata) {
    }

    private Compared compared(MessageRow row) {
        return new Compared(row.role(), row.content(), metadataValue.apply(row.metadata()));
    }

    /**
     * A row's {@code created_at}: the time it asks for (the creation time a re-saved message carries, else
     * the transaction's time), or one microsecond after the row before it when that is not later, so the
     * order stays exact.
     */
    static OffsetDateTime timestamp(OffsetDateTime asked, OffsetDateTime previous) {
        if (previous == null || asked.isAfter(previous)) {
            return asked;
        }
        return previous.plus(1, ChronoUnit.MICROS);
    }
}
