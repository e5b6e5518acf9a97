package dev.chatmigrate.example;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The chatbot's reads and writes in plain JDBC on the pool, each one short transaction. The pool's
 * connections have the configured schema as their search path, so the SQL names bare tables.
 */
final class ConversationStore {

    private static final int PING_TIMEOUT_SECONDS = 2;

    private final DataSource pool;

    ConversationStore(DataSource pool) {
        this.pool = pool;
    }

    /** Runs a trivial query; throws when the database does not answer. */
    void ping() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PING_TIMEOUT_SECONDS);
            statement.execute("select 1");
        }
    }

    Conversation create(NewConversation conversation) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into conversations (user_id, title) values (?, ?) returning id, user_id, title, created_at, updated_at")) {
            insert.setString(1, conversation.userId());
            insert.setString(2, conversation.title());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new Conversation(row.getObject("id", UUID.class), row.getString("user_id"), row.getString("title"),
                        instant(row, "created_at"), instant(row, "updated_at"));
            }
        }
    }

    /**
     * Adds a message and touches the conversation's {@code updated_at}; empty when there is no such
     * conversation. The conversation row stays locked until commit, and {@code created_at} is taken after
     * the lock ({@code clock_timestamp()}, not the transaction's start time), so concurrent messages of one
     * conversation are listed in the order they were committed.
     */
    Optional<Message> add(UUID conversationId, NewMessage message) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false); // on an exception, the pool rolls back when the connection is returned
            try (PreparedStatement touch = connection.prepareStatement("update conversations set updated_at = now() where id = ?")) {
                touch.setObject(1, conversationId);
                if (touch.executeUpdate() == 0) {
                    connection.rollback();
                    return Optional.empty();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into messages (conversation_id, role, content, created_at)"
                    + " values (?, ?, ?, clock_timestamp()) returning id, conversation_id, role, content, created_at")) {
                insert.setObject(1, conversationId);
                insert.setString(2, message.role());
                insert.setString(3, message.content());
                Message added;
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    added = message(row);
                }
                connection.commit();
                return Optional.of(added);
            }
        }
    }

    /** The messages of a conversation, oldest first; empty when there is no such conversation. */
    Optional<List<Message>> messages(UUID conversationId) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("select c.id as conversation_id, m.id, m.role, m.content, m.created_at"
                     + " from conversations c left join messages m on m.conversation_id = c.id"
                     + " where c.id = ? order by m.created_at, m.id")) {
            select.setObject(1, conversationId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                List<Message> messages = new ArrayList<>();
                do {
                    if (rows.getObject("id") != null) {
                        messages.add(message(rows));
                    }
                } while (rows.next());
                return Optional.of(messages);
            }
        }
    }

    private static Message message(ResultSet row) throws SQLException {
        return new Message(row.getObject("id", UUID.class), row.getObject("conversation_id", UUID.class), row.getString("role"),
                row.getString("content"), instant(row, "created_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
