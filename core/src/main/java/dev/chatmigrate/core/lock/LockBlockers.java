package dev.chatmigrate.core.lock;

import dev.chatmigrate.schema.ChatbotSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the sessions that keep chatmigrate's DDL waiting: the sessions of this database whose transaction is
 * older than one DDL lock wait and that hold a lock on a chatbot table (what {@code ALTER TABLE} queues behind)
 * or keep a snapshot (what {@code CREATE INDEX CONCURRENTLY} waits for), those holding table locks first, oldest
 * first. Each is described by pid, {@code application_name}, state and the age of its transaction; never by its
 * query, whose literals may hold secrets. Read once the waiting statement has given up, so it cannot ask
 * {@code pg_blocking_pids()} of the waiter; the sessions it names are the ones a waiter would have named.
 */
public final class LockBlockers {

    private static final int MOST = 3;

    private LockBlockers() {
    }

    /** One phrase naming the blockers, such as {@code pid 42 (application 'report', idle in transaction for 12 s, holding messages)}. */
    public static String describe(Connection connection, String schema, Duration olderThan) {
        String sql = """
                select a.pid, a.application_name, a.state, floor(extract(epoch from clock_timestamp() - a.xact_start))::bigint,
                       (select string_agg(distinct c.relname, ', ') from pg_locks l join pg_class c on c.oid = l.relation
                        join pg_namespace n on n.oid = c.relnamespace
                        where l.pid = a.pid and l.granted and n.nspname = ? and c.relname = any (?)) as tables
                from pg_stat_activity a
                where a.datname = current_database() and a.pid <> pg_backend_pid() and a.backend_type = 'client backend'
                  and a.xact_start < clock_timestamp() - make_interval(secs => ?)
                order by (select count(*) from pg_locks l join pg_class c on c.oid = l.relation join pg_namespace n on n.oid = c.relnamespace
                          where l.pid = a.pid and l.granted and n.nspname = ? and c.relname = any (?)) > 0 desc, a.xact_start
                limit ?""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            String[] tables = {ChatbotSchema.CONVERSATIONS, ChatbotSchema.MESSAGES};
            statement.setString(1, schema);
            statement.setArray(2, connection.createArrayOf("text", tables));
            statement.setDouble(3, olderThan.toMillis() / 1000.0);
            statement.setString(4, schema);
            statement.setArray(5, connection.createArrayOf("text", tables));
            statement.setInt(6, MOST);
            List<String> sessions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String held = rows.getString(5);
                    sessions.add("pid " + rows.getInt(1) + " (application '" + rows.getString(2) + "', " + rows.getString(3)
                            + ", transaction open for " + rows.getLong(4) + " s" + (held == null ? "" : ", holding a lock on " + held) + ")");
                }
            }
            return sessions.isEmpty() ? "no session now (the blocker ended meanwhile)" : String.join("; ", sessions);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
