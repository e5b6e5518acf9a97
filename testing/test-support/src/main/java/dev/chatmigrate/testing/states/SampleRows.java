package dev.chatmigrate.testing.states;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A few fixed chatbot rows (fixed ids and times, so data fingerprints compare across runs): two
 * conversations of user {@code alice} and three messages in the first one.
 */
public final class SampleRows {

    /** How many rows {@link #insertConversations} adds. */
    public static final int CONVERSATIONS = 2;
    /** How many rows {@link #insertMessages} adds. */
    public static final int MESSAGES = 3;

    private SampleRows() {
    }

    /** Inserts the conversations and the messages into the tables of {@code schema}. */
    public static void insert(Connection connection, String schema) throws SQLException {
        insertConversations(connection, schema);
        insertMessages(connection, schema);
    }

    /** Two conversations for user {@code alice}; needs {@code conversations} with its original columns. */
    public static void insertConversations(Connection connection, String schema) throws SQLException {
        execute(connection, schema, """
                insert into {s}.conversations (id, user_id, title, created_at, updated_at) values
                  ('11111111-1111-1111-1111-111111111111', 'alice', 'First chat', '2026-01-16 10:00:00+00', '2026-01-16 10:00:00+00'),
                  ('22222222-2222-2222-2222-222222222222', 'alice', null, '2026-01-17 10:00:00+00', '2026-01-17 10:00:00+00')
                """);
    }

    /** Three messages in the first conversation; needs {@code messages} with its original columns. */
    public static void insertMessages(Connection connection, String schema) throws SQLException {
        execute(connection, schema, """
                insert into {s}.messages (id, conversation_id, role, content, created_at) values
                  ('aaaaaaaa-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111', 'system', 'You are helpful.', '2026-01-16 10:00:01+00'),
                  ('aaaaaaaa-0000-0000-0000-000000000002', '11111111-1111-1111-1111-111111111111', 'user', 'Hello', '2026-01-16 10:00:02+00'),
                  ('aaaaaaaa-0000-0000-0000-000000000003', '11111111-1111-1111-1111-111111111111', 'assistant', 'Hi!', '2026-01-16 10:00:03+00')
                """);
    }

    /** Runs {@code sql} with every {@code {s}} replaced by the quoted {@code schema}. */
    static void execute(Connection connection, String schema, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql.replace("{s}", "\"" + schema + "\""));
        }
    }
}
