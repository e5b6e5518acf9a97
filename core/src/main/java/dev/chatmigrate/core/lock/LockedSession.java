package dev.chatmigrate.core.lock;

import dev.chatmigrate.core.session.ConnectionPair;
import dev.chatmigrate.core.session.ConnectionRetry;
import dev.chatmigrate.core.session.DirectSession;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * A locked, proven-direct session: the advisory lock held on a connection of its own ({@link AdvisoryLock}), and the
 * work connection beside it, both proven their server process's own session ({@link DirectSession}), with the facts
 * the runner needs read under the lock ({@link LockedFacts}). The proof costs no round trip of its own: it reads the
 * server process that answered the first lock attempt (before any wait) and the facts query. When the lock's login
 * cannot tell (Neon's proxy), the attempt is rolled back first, since behind a pooler its open transaction would hold
 * the server session the longer proof needs, and the lock is taken again once the endpoint is proven. Closing
 * releases the lock and closes both connections.
 */
public final class LockedSession implements AutoCloseable {

    private final ConnectionPair connections;
    private final AdvisoryLock lock;
    private final LockedFacts facts;

    private LockedSession(ConnectionPair connections, AdvisoryLock lock, LockedFacts facts) {
        this.connections = connections;
        this.lock = lock;
        this.facts = facts;
    }

    /**
     * Opens the lock's connection from {@code settings}' data source (or takes {@code handed}, already open) and the
     * work connection from {@code work} in parallel, takes the lock on {@code settings}' schema within its lock
     * timeout, and reads the facts given the other engines' recording tables and the engine's own history tables. On any
     * failure both connections are closed.
     */
    public static LockedSession open(Connection handed, MigrationSettings settings, DataSource work, List<String> otherRecordingTables,
            List<String> ownHistoryTables) throws SQLException {
        ConnectionPair connections = ConnectionPair.open(handed, () -> ConnectionRetry.open(settings.dataSource(), settings.connectTimeout()),
                () -> ConnectionRetry.open(work, settings.connectTimeout()));
        try {
            DirectSession direct = new DirectSession(settings.dataSource(), settings.connectTimeout());
            AdvisoryLock lock = lock(connections, direct, settings);
            try {
                LockedFacts facts = LockedFacts.read(connections.work(), settings.schema(), otherRecordingTables, ownHistoryTables);
                direct.requireOwn(connections.work(), facts.backendPid(), connections.work());
                return new LockedSession(connections, lock, facts);
            } catch (SQLException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            try {
                connections.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static AdvisoryLock lock(ConnectionPair connections, DirectSession direct, MigrationSettings settings) throws SQLException {
        AdvisoryLock.Attempt first = AdvisoryLock.attempt(connections.lock(), settings.schema());
        if (direct.isOwn(connections.lock(), first.servedBy())) {
            return first.await(settings.lockTimeout());
        }
        first.abandon();
        direct.requireOwn(connections.lock(), first.servedBy(), connections.work());
        return AdvisoryLock.acquire(connections.lock(), settings.schema(), settings.lockTimeout());
    }

    /** The work connection, in autocommit mode: DDL runs here, never on the lock's. */
    public Connection work() {
        return connections.work();
    }

    /** What was read under the lock. */
    public LockedFacts facts() {
        return facts;
    }

    @Override
    public void close() throws SQLException {
        try {
            lock.close();
        } finally {
            connections.close();
        }
    }
}
