package dev.chatmigrate.core.lock;

import dev.chatmigrate.core.session.Backoff;
import dev.chatmigrate.spi.LockTimeoutException;
import dev.chatmigrate.spi.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The advisory lock that serialises every chatmigrate engine on one schema.
 *
 * <p>It is a transaction-level lock ({@code pg_try_advisory_xact_lock}) held by a transaction kept open on a
 * connection used for nothing else, until {@link #close()} rolls it back. An open transaction pins its server
 * session even behind a transaction pooler, so the lock cannot be handed to another client (a session-level
 * lock can: the pooler gives the session that holds it to whoever comes next). The transaction writes nothing
 * and, in READ COMMITTED, keeps no snapshot between statements, so {@code CREATE INDEX CONCURRENTLY} on other
 * connections does not wait for it. Its session sets {@code idle_in_transaction_session_timeout} to 0 so a server
 * default cannot end it mid-run. Session and transaction locks on the same keys conflict, so older chatmigrate
 * versions that take the session lock are still excluded.
 *
 * <p>Waiters poll in short transactions that they roll back at once, and never block inside
 * {@code pg_advisory_xact_lock}: a blocked waiter holds a snapshot, and {@code CREATE INDEX CONCURRENTLY} in the
 * lock holder waits for every such snapshot, so the two would deadlock.
 */
public final class AdvisoryLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);
    /** The first key: "chmg" as an int, shared by every engine. */
    public static final int NAMESPACE = 0x63686d67;
    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(1);

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /** The second key for {@code schema}, so migrations of different schemas do not wait for each other. */
    public static int keyFor(String schema) {
        return schema.hashCode() & 0x7fffffff;
    }

    /**
     * Takes the lock for {@code schema} on {@code connection} (a connection used for nothing else until
     * {@link #close()}; it is left in a transaction meanwhile), waiting at most {@code timeout}.
     */
    public static AdvisoryLock acquire(Connection connection, String schema, Duration timeout) {
        return attempt(connection, schema).await(timeout);
    }

    /**
     * The first attempt to take the lock, one round trip, before any waiting: it tells which server process answered,
     * granted or not, so that a caller that must prove the session its own ({@code DirectSession}) does so without a
     * round trip of its own, and refuses a pooler before any wait. The caller then {@link Attempt#await awaits} the
     * lock or {@link Attempt#abandon abandons} the attempt.
     */
    public static Attempt attempt(Connection connection, String schema) {
        try {
            connection.setAutoCommit(false);
            return new Attempt(connection, schema, System.nanoTime(), tryLock(connection, keyFor(schema)));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The answer to a first attempt, and what follows it. */
    public static final class Attempt {

        private final Connection connection;
        private final String schema;
        private final long started;
        private final int answer;

        private Attempt(Connection connection, String schema, long started, int answer) {
            this.connection = connection;
            this.schema = schema;
            this.started = started;
            this.answer = answer;
        }

        /** The server process that answered the attempt. */
        public int servedBy() {
            return Math.abs(answer);
        }

        /** Rolls the attempt back (releasing the lock if it was granted) and leaves the connection in autocommit mode. */
        public void abandon() throws SQLException {
            connection.rollback();
            connection.setAutoCommit(true);
        }

        /** The lock, polling for it until {@code timeout} after the first attempt has passed. */
        public AdvisoryLock await(Duration timeout) {
            int key = keyFor(schema);
            long deadline = started + timeout.toNanos();
            Backoff backoff = new Backoff(FIRST_POLL, LONGEST_POLL);
            boolean announced = false;
            try {
                for (int servedBy = answer; servedBy <= 0; servedBy = tryLock(connection, key)) {
                    connection.rollback(); // a waiter keeps no transaction open while it sleeps
                    if (System.nanoTime() > deadline) {
                        String holder = describeHolder(connection, key);
                        abandon();
                        throw new LockTimeoutException("Another migrator held the chatmigrate lock on schema " + schema
                                + " for longer than the lock timeout (" + timeout.toSeconds() + "s). Holder: " + holder
                                + ". Wait for it to finish; if that process is gone, end its session with select pg_terminate_backend(pid);"
                                + " raise the lock-timeout to wait longer.");
                    }
                    if (!announced) {
                        LOG.info("Waiting for the chatmigrate lock on schema {}, held by {}", schema, describeHolder(connection, key));
                        connection.rollback();
                        announced = true;
                    }
                    backoff.pause((deadline - System.nanoTime()) / 1_000_000);
                }
                return new AdvisoryLock(connection);
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    private static MigrationException failure(SQLException e) {
        return new MigrationException(MigrationException.Kind.STEP_FAILED, "Cannot take the chatmigrate advisory lock: " + e.getMessage(), e);
    }

    /**
     * One attempt inside the current transaction, with the session setting that keeps a held lock's transaction open
     * sent along (one round trip; rolled back with the attempt when the lock is not granted): the session's server
     * process when the lock was granted, minus it when not. Nothing in the lock's
     * transaction reads the catalog: a catalog snapshot would stay registered while the transaction is open, and
     * {@code CREATE INDEX CONCURRENTLY} on other connections would wait for it. Plain statements, so no server-side prepared statement is left behind.
     */
    private static int tryLock(Connection connection, int key) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_try_advisory_xact_lock(" + NAMESPACE + ", " + key + "), pg_backend_pid();\n"
                    + "set local idle_in_transaction_session_timeout = 0");
            try (ResultSet result = statement.getResultSet()) {
                result.next();
                return result.getBoolean(1) ? result.getInt(2) : -result.getInt(2);
            }
        }
    }

    private static String describeHolder(Connection connection, int key) {
        String sql = """
                select a.pid, a.application_name, coalesce(host(a.client_addr), 'local socket'), a.backend_start, a.state
                from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.granted and l.classid::bigint = ? and l.objid::bigint = ? and l.objsubid = 2
                  and l.database = (select oid from pg_database where datname = current_database())""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, NAMESPACE);
            statement.setLong(2, key);
            try (ResultSet holder = statement.executeQuery()) {
                if (!holder.next()) {
                    return "unknown (the lock was released meanwhile)";
                }
                return "pid " + holder.getInt(1) + " (application '" + holder.getString(2) + "', client " + holder.getString(3)
                        + ", connected since " + holder.getObject(4) + ", state " + holder.getString(5) + ")";
            }
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Releases the lock by ending its transaction; the session ending would release it too. */
    @Override
    public void close() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (Interruption.of(e) == Interruption.CONNECTION_LOST) {
                LOG.debug("The chatmigrate lock's session is gone ({}), and the lock with it", e.getMessage());
            } else {
                LOG.warn("Could not release the chatmigrate lock ({}); it is released when the session ends", e.getMessage());
            }
        }
    }
}
