package dev.chatmigrate.spi.internal;

import dev.chatmigrate.spi.LockTimeoutException;
import dev.chatmigrate.spi.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session-level advisory lock that serialises every chatmigrate engine on one schema.
 *
 * <p>Waiters poll {@code pg_try_advisory_lock} in short autocommit statements and never block inside
 * {@code pg_advisory_lock}: a blocked waiter holds a snapshot, and {@code CREATE INDEX CONCURRENTLY}
 * in the lock holder waits for every such snapshot, so the two would deadlock.
 */
public final class AdvisoryLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);
    /** The first key: "chmg" as an int, shared by every engine. */
    static final int NAMESPACE = 0x63686d67;
    private static final long LONGEST_POLL_MILLIS = 1000;

    private final Connection connection;
    private final int key;

    private AdvisoryLock(Connection connection, int key) {
        this.connection = connection;
        this.key = key;
    }

    /** The second key for {@code schema}, so migrations of different schemas do not wait for each other. */
    static int keyFor(String schema) {
        return schema.hashCode() & 0x7fffffff;
    }

    /**
     * Takes the lock for {@code schema} on {@code connection} (an autocommit connection used for nothing
     * else meanwhile), waiting at most {@code timeout}.
     */
    public static AdvisoryLock acquire(Connection connection, String schema, Duration timeout) {
        int key = keyFor(schema);
        long deadline = System.nanoTime() + timeout.toNanos();
        long poll = 50;
        boolean announced = false;
        try (PreparedStatement tryLock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            tryLock.setInt(1, NAMESPACE);
            tryLock.setInt(2, key);
            while (true) {
                try (ResultSet result = tryLock.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return new AdvisoryLock(connection, key);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new LockTimeoutException("Another migrator held the chatmigrate lock on schema " + schema
                            + " for longer than the lock timeout (" + timeout.toSeconds() + "s). Holder: " + describeHolder(connection, key)
                            + ". Wait for it to finish; if that process is gone, end its session with select pg_terminate_backend(pid);"
                            + " raise CHATMIGRATE_LOCK_TIMEOUT to wait longer.");
                }
                if (!announced) {
                    LOG.info("Waiting for the chatmigrate lock on schema {}, held by {}", schema, describeHolder(connection, key));
                    announced = true;
                }
                ConnectionRetry.sleep(poll / 2 + ThreadLocalRandom.current().nextLong(poll / 2 + 1));
                poll = Math.min(poll * 2, LONGEST_POLL_MILLIS);
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot take the chatmigrate advisory lock: " + e.getMessage(), e);
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

    /** Releases the lock; the session ending would release it too. */
    @Override
    public void close() {
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, NAMESPACE);
            unlock.setInt(2, key);
            unlock.execute();
        } catch (SQLException e) {
            LOG.warn("Could not release the chatmigrate lock ({}); it is released when the session ends", e.getMessage());
        }
    }
}
