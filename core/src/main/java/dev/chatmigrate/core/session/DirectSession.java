package dev.chatmigrate.core.session;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Refuses a transaction pooler between chatmigrate and PostgreSQL. Behind one (PgBouncer in transaction mode,
 * Supavisor, ...) consecutive transactions of one client run on whichever server session is free. chatmigrate's
 * own lock survives that ({@code AdvisoryLock} pins its session with an open transaction), but the engines' session
 * state does not (seen through PgBouncer 1.18: Flyway "Unable to release PostgreSQL advisory lock", MyBatis
 * "CREATE INDEX CONCURRENTLY cannot run inside a transaction block").
 *
 * <p>The check is a proof, never a guess, so that it holds while other replicas use the same pooler. For each
 * connection it is given the server process that answered a query the caller made anyway ({@code pg_backend_pid()}
 * beside the lock attempt, the facts read under the lock):
 * <ol>
 * <li>A connection answered by the process it announced at login ({@code BackendKeyData}) is that process's own:
 *     PostgreSQL itself, or a plain TCP proxy or SSH tunnel that passes the login through. Poolers announce a key
 *     of their own. No round trip.
 * <li>Otherwise (Neon's proxy replaces the key on direct connections too) one more connection asks for its server
 *     process and closes: PostgreSQL ends a session's process with its connection, a pooler keeps it for the next
 *     client. A process still there {@link #SESSION_END} later is a pooler's. An application's HikariCP pool in
 *     front is told to drop that connection rather than keep it ({@link ConnectionPools#closeForGood}). Proven
 *     once, the endpoint is direct for every connection of the run.
 * <li>Two connections answered by the same process share a server session: a pooler.
 * </ol>
 */
public final class DirectSession {

    /** How long a closed connection's server process may take to end before it is a pooler's. */
    static final Duration SESSION_END = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(20);

    private final DataSource probes;
    private final Duration connectTimeout;
    private boolean endpointProven;
    private Connection first;
    private int firstPid;

    /**
     * A proof for the connections of one run; {@code probes}, the data source they came from (not a wrapper of it),
     * gives one more within {@code connectTimeout} when a connection's login cannot tell.
     */
    public DirectSession(DataSource probes, Duration connectTimeout) {
        this.probes = probes;
        this.connectTimeout = connectTimeout;
    }

    /**
     * Whether {@code connection}, answered by server process {@code pid}, is proven that process's own session by its
     * login alone, or by a probe earlier in the run; throws {@link InvalidConfigurationException} when {@code pid}
     * served a connection proven before. No round trip: when it says no, {@link #requireOwn} proves it the long way.
     */
    public boolean isOwn(Connection connection, int pid) throws SQLException {
        if (first == null) {
            first = connection;
            firstPid = pid;
        } else if (connection != first && firstPid == pid) {
            throw pooler("two connections of this process were both served by server process " + pid);
        }
        return endpointProven || isAnnounced(connection, pid);
    }

    /**
     * Throws {@link InvalidConfigurationException} unless {@code connection}, answered by server process {@code pid},
     * is that process's own session, and not the session of a connection proven before. {@code observer}, a
     * connection in autocommit mode, watches for the probe's process to end when one is needed; neither connection
     * may hold a transaction meanwhile (behind a pooler it would hold a server session the probe may need).
     */
    public void requireOwn(Connection connection, int pid, Connection observer) throws SQLException {
        if (isOwn(connection, pid)) {
            return;
        }
        Connection probe = ConnectionRetry.open(probes, connectTimeout);
        int closedPid;
        try {
            closedPid = backendPid(probe);
        } finally {
            ConnectionPools.closeForGood(probes, probe);
        }
        if (outlivesItsConnection(closedPid, observer)) {
            throw pooler("server process " + closedPid + " still served other clients " + SESSION_END.toSeconds()
                    + " s after this process closed its connection");
        }
        endpointProven = true;
    }

    private static boolean isAnnounced(Connection connection, int pid) throws SQLException {
        return connection.isWrapperFor(PGConnection.class) && connection.unwrap(PGConnection.class).getBackendPID() == pid;
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
                Backoff.sleep(POLL.toMillis());
            }
        }
    }

    private InvalidConfigurationException pooler(String evidence) {
        return new InvalidConfigurationException("The database URL " + probes + " leads to a transaction pooler, not to"
                + " PostgreSQL itself: " + evidence + "."
                + " Migrations need sessions of their own: the engines keep locks and settings in their session, which a"
                + " pooler hands to other clients between transactions. Nothing was changed. Use the direct URL for"
                + " migrations: for PgBouncer the PostgreSQL server's own host and port (usually 5432, not the pooler's 6432),"
                + " for Neon the host without -pooler. Your application may keep using the pooler. (An application's own"
                + " connection pool other than HikariCP keeps sessions open as a pooler does: give chatmigrate a URL of its own.)");
    }

    /** The server process answering {@code connection}, asked in a round trip of its own. */
    public static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }
}
