package dev.chatmigrate.verifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.UUID;

/**
 * Proves the chatbot can use the tables: inserts a conversation and a message with the defaults the
 * chatbot relies on, reads them back, checks that an unknown role is refused, and rolls everything back. On a
 * read-only standby, where nothing may be written, it is skipped, saying so.
 */
public final class SmokeCheck {

    /** The outcome: passed, or what went wrong; {@code skipped} (and not failed) when the server takes no writes. */
    public record Result(boolean passed, String detail, boolean skipped) {

        public Result(boolean passed, String detail) {
            this(passed, detail, false);
        }
    }

    static final String STANDBY = "skipped: the database is a read-only standby (pg_is_in_recovery() is true), where nothing may be"
            + " written; run verify against the primary to check writes";

    private SmokeCheck() {
    }

    /** Runs the check against {@code schema} at {@code version}; leaves no rows behind. */
    public static Result run(Connection connection, String schema, int version) {
        if (version < 2) {
            return new Result(false, "version " + version + " has no messages table; the chatbot needs version 2 or later");
        }
        String qualified = "\"" + schema + "\".";
        boolean autoCommit;
        try {
            if (inRecovery(connection)) {
                return new Result(true, STANDBY, true);
            }
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            return new Result(false, e.getMessage());
        }
        try {
            UUID conversation;
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + qualified + "conversations (user_id, title) values (?, ?) returning id")) {
                insert.setString(1, "smoke-check");
                insert.setString(2, "Smoke check");
                conversation = single(insert).getObject(1, UUID.class);
            }
            String tokenColumn = version >= 3 ? ", token_count" : "";
            try (PreparedStatement insert = connection.prepareStatement("insert into " + qualified + "messages (conversation_id, role, content"
                    + tokenColumn + ") values (?, 'user', 'hello'" + (version >= 3 ? ", 2" : "") + ")")) {
                insert.setObject(1, conversation);
                insert.executeUpdate();
            }
            try (PreparedStatement read = connection.prepareStatement("select c.user_id, m.role, m.content, m.created_at is not null"
                    + " from " + qualified + "conversations c join " + qualified + "messages m on m.conversation_id = c.id where c.id = ?")) {
                read.setObject(1, conversation);
                ResultSet row = single(read);
                if (!"smoke-check".equals(row.getString(1)) || !"user".equals(row.getString(2)) || !"hello".equals(row.getString(3)) || !row.getBoolean(4)) {
                    return new Result(false, "read back a different message than was written");
                }
            }
            Savepoint beforeBadRole = connection.setSavepoint();
            try (Statement bad = connection.createStatement()) {
                bad.executeUpdate("insert into " + qualified + "messages (conversation_id, role, content) values ('" + conversation + "', 'robot', 'x')");
                return new Result(false, "a message with role 'robot' was accepted; expected ck_messages_role to refuse it");
            } catch (SQLException expected) {
                connection.rollback(beforeBadRole);
            }
            return new Result(true, "wrote and read a conversation and a message");
        } catch (SQLException e) {
            return new Result(false, e.getMessage());
        } finally {
            try {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is broken; the caller sees the failure above
            }
        }
    }

    private static boolean inRecovery(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet recovery = statement.executeQuery("select pg_is_in_recovery()")) {
            return recovery.next() && recovery.getBoolean(1);
        }
    }

    private static ResultSet single(PreparedStatement statement) throws SQLException {
        ResultSet rows = statement.executeQuery();
        if (!rows.next()) {
            throw new SQLException("expected one row, found none");
        }
        return rows;
    }
}
