package dev.chatmigrate.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fills a chatbot schema at version 3 with many messages in one statement ({@code generate_series}),
 * spread over a thousand conversations and a thousand days, then vacuums and analyzes, so that a
 * later index build reads settled pages as it would in production.
 */
final class MessagesLoad {

    private static final int CONVERSATIONS = 1000;

    private MessagesLoad() {
    }

    /** Loads {@code rows} messages; returns the id of a conversation for a writer to add to. */
    static UUID load(Connection connection, int rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into conversations (user_id, title) select 'user-' || g, 'chat ' || g from generate_series(1, "
                    + CONVERSATIONS + ") g");
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into messages (conversation_id, role, content, created_at, token_count)
                select c.ids[1 + g % c.n], (array['system', 'user', 'assistant', 'tool'])[1 + g % 4],
                       'message number ' || g, now() - make_interval(secs => g * 86.4), g % 1000
                from generate_series(1, ?) g,
                     (select array_agg(id) as ids, count(*)::int as n from conversations) c
                """)) {
            insert.setInt(1, rows);
            insert.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze conversations");
            statement.execute("vacuum analyze messages");
            try (ResultSet conversation = statement.executeQuery("select id from conversations order by id limit 1")) {
                conversation.next();
                return conversation.getObject(1, UUID.class);
            }
        }
    }
}
