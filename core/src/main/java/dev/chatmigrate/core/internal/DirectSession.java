package dev.chatmigrate.core.internal;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.postgresql.PGConnection;

/**
 * Refuses a transaction pooler between chatmigrate and PostgreSQL. Behind one (PgBouncer in transaction mode,
 * Supavisor, ...) consecutive transactions of one client run on whichever server session is free. chatmigrate's
 * own lock survives that ({@link AdvisoryLock} pins its session with an open transaction), but the engines' session
 * state does not (seen through PgBouncer 1.18: Flyway "Unable to release PostgreSQL advisory lock", MyBatis
 * "CREATE INDEX CONCURRENTLY cannot run inside a transaction block").
 *
 * <p>The check is a proof, never a guess, so that it holds while other replicas use the same pooler:
 * <ol>
 * <li>Two open connections answered by the same {@code pg_backend_pid()} share a server session: a pooler.
 * <li>A connection answered by the server process it announced at login ({@code BackendKeyData}) is that process's
 *     own: PostgreSQL itself, or a plain TCP proxy or SSH tunnel that passes the login through. Poolers announce a
 *     key of their own. One query per connection proves it.
 * <li>Otherwise (Neon's proxy replaces the key on direct connections too) a third connection asks for its server
 *     process and closes: PostgreSQL ends a session's process with its connection, a pooler keeps it for the next
 *     client. A process still there {@link #SESSION_END} later is a pooler's.
 * </ol>
 */
public final class DirectSession {

    /** How long a closed connection's server process may take to end before it is a pooler's. */
    static final Duration SESSION_END = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(20);

    private DirectSession() {
    }

    /**
     * Throws {@link InvalidConfigurationException} when {@code first} and {@code second}, two open connections to
     * {@code database}, are not each served by a server process of their own; {@code another} opens one more
     * connection to the same database when the first two cannot tell. Run it before either starts a transaction.
     */
    public static void require(Connection first, Connection second, Supplier<Connection> another, String database) throws SQLException {
        int firstPid = backendPid(first);
        int secondPid = backendPid(second);
        if (firstPid == secondPid) {
            throw pooler(database, "two connections of this process were both served by server process " + firstPid);
        }
        if (announcedPid(first).equals(OptionalInt.of(firstPid)) && announcedPid(second).equals(OptionalInt.of(secondPid))) {
            return;
        }
        int closedPid;
        try (Connection probe = another.get()) {
            closedPid = backendPid(probe);
        }
        if (outlivesItsConnection(closedPid, first)) {
            throw pooler(database, "server process " + closedPid + " still served other clients " + SESSION_END.toSeconds()
                    + " s after this process closed its connection");
        }
    }

    private static boolean outlivesItsConnection(int pid, Connection observer) throws SQLException {
        long deadline = System.nanoTime() + SESSION_END.toNanos();
        // a literal, not a parameter: a server-side prepared statement would not survive a pooler's change of session
        String query = "select exists (select from pg_stat_activity where pid = " + pid + ")";
        try (Statement statement = observer.createStatement()) {
            while (true) {
                try (ResultSet alive = statement.executeQuery(query)) {
                    alive.next();
                    if (!alive.getBoolean(1)) {
                        return false;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return true;
                }
                sleep(POLL);
            }
        }
    }

    private static OptionalInt announcedPid(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class)
                ? OptionalInt.of(connection.unwrap(PGConnection.class).getBackendPID())
                : OptionalInt.empty();
    }

    private static InvalidConfigurationException pooler(String database, String evidence) {
        return new InvalidConfigurationException("The database URL " + database + " leads to a transaction pooler, not to"
                + " PostgreSQL itself: " + evidence + "."
                + " Migrations need sessions of their own: the engines keep locks and settings in their session, which a"
                + " pooler hands to other clients between transactions. Nothing was changed. Use the direct URL for"
                + " migrations: for PgBouncer the PostgreSQL server's own host and port (usually 5432, not the pooler's 6432),"
                + " for Neon the host without -pooler. Your application may keep using the pooler.");
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking for a transaction pooler", e);
        }
    }
}
