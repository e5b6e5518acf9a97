package dev.chatmigrate.testing.orm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rows of {@code conversations} and {@code messages}, independent of how the columns are typed: ids as strings,
 * timestamps as instants. Equal snapshots hold the same rows, in any order.
 *
 * <p>{@link #read(Connection, String)} reads them before or after adoption: a {@code timestamp without time zone}
 * is read as UTC (the convention of {@code datetime.utcnow()}), a {@code timestamptz} as the instant it is.
 */
public record OrmRows(List<Conversation> conversations, List<Message> messages) {

    /** One row of {@code conversations}; {@code title} may be {@code null}. */
    public record Conversation(String id, String userId, String title, Instant createdAt, Instant updatedAt) {
        public Conversation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }

    /** One row of {@code messages}, with the role exactly as stored. */
    public record Message(String id, String conversationId, String role, String content, Instant createdAt) {
        public Message {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    public OrmRows {
        conversations = conversations.stream().sorted(Comparator.comparing(Conversation::id)).toList();
        messages = messages.stream().sorted(Comparator.comparing(Message::id)).toList();
    }

    /** The ids of the conversations, in this snapshot's order. */
    public List<String> conversationIds() {
        return conversations.stream().map(Conversation::id).toList();
    }

    /** The ids of the messages, in this snapshot's order. */
    public List<String> messageIds() {
        return messages.stream().map(Message::id).toList();
    }

    /** Every row of both tables in {@code schema}. */
    public static OrmRows read(Connection connection, String schema) throws SQLException {
        String table = quote(schema) + ".";
        List<Conversation> conversations = new ArrayList<>();
        String conversationsSql = "select id::text, user_id, title, " + instant(connection, schema, "conversations", "created_at") + ", "
                + instant(connection, schema, "conversations", "updated_at") + " from " + table + "conversations";
        try (PreparedStatement statement = connection.prepareStatement(conversationsSql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                conversations.add(new Conversation(rows.getString(1), rows.getString(2), rows.getString(3), instantAt(rows, 4), instantAt(rows, 5)));
            }
        }
        List<Message> messages = new ArrayList<>();
        String messagesSql = "select id::text, conversation_id::text, role, content, " + instant(connection, schema, "messages", "created_at")
                + " from " + table + "messages";
        try (PreparedStatement statement = connection.prepareStatement(messagesSql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                messages.add(new Message(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), instantAt(rows, 5)));
            }
        }
        return new OrmRows(conversations, messages);
    }

    /** The column as a {@code timestamptz} expression: a zone-less timestamp is taken as UTC. */
    private static String instant(Connection connection, String schema, String table, String column) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select data_type from information_schema.columns where table_schema = ? and table_name = ? and column_name = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            statement.setString(3, column);
            try (ResultSet type = statement.executeQuery()) {
                if (!type.next()) {
                    throw new IllegalStateException("Expected a column " + schema + "." + table + "." + column + ", found none");
                }
                return switch (type.getString(1)) {
                    case "timestamp without time zone" -> column + " at time zone 'UTC'";
                    case "timestamp with time zone" -> column;
                    default -> throw new IllegalStateException("Expected " + table + "." + column + " to be a timestamp, found " + type.getString(1));
                };
            }
        }
    }

    private static Instant instantAt(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
