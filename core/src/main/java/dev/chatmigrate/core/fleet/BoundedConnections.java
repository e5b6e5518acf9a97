package dev.chatmigrate.core.fleet;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import dev.chatmigrate.core.session.ForwardingDataSource;
import javax.sql.DataSource;

/**
 * The fleet's bound on connections: at most {@code workers × }{@link #PER_MIGRATION} open at once to any one server,
 * whatever the targets on it. Each target's data source is wrapped so that opening a connection takes a permit of its
 * server and closing it gives the permit back. A migration holds at most {@link #PER_MIGRATION} connections (the lock's,
 * the work connection, a probe of the session; docs/design.md, "The runner"), so with one target per worker nobody
 * waits for a permit; a connection that cannot get one within the wait fails as a connection failure of that target.
 */
final class BoundedConnections {

    /** The connections one migration may hold at once: the runner's requirement of a pool. */
    static final int PER_MIGRATION = 3;

    private final int permitsPerServer;
    private final Duration wait;
    private final Map<String, Semaphore> servers = new ConcurrentHashMap<>();
    private final AtomicInteger most = new AtomicInteger();

    BoundedConnections(int workers, Duration wait) {
        this.permitsPerServer = workers * PER_MIGRATION;
        this.wait = wait;
    }

    /** The most connections the fleet opens to one server at once, its listing of schemas aside. */
    int perServer() {
        return permitsPerServer;
    }

    /** The most connections the fleet held open to one server at once so far. */
    int most() {
        return most.get();
    }

    /** {@code target}'s data source, counted against its server's bound. */
    DataSource dataSource(FleetTarget target) {
        return new Bounded(target.dataSource(), servers.computeIfAbsent(target.server(), server -> new Semaphore(permitsPerServer, true)));
    }

    /** A data source whose connections hold a permit of their server until closed. */
    private final class Bounded extends ForwardingDataSource {

        private final Semaphore permits;

        Bounded(DataSource delegate, Semaphore permits) {
            super(delegate);
            this.permits = permits;
        }

        @Override
        public Connection getConnection() throws SQLException {
            acquire();
            try {
                return release(delegate.getConnection());
            } catch (SQLException | RuntimeException e) {
                permits.release();
                throw e;
            }
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            acquire();
            try {
                return release(delegate.getConnection(user, password));
            } catch (SQLException | RuntimeException e) {
                permits.release();
                throw e;
            }
        }

        private void acquire() throws SQLException {
            try {
                if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new SQLException("The fleet's " + permitsPerServer + " connections to this server stayed in use for "
                            + wait.toSeconds() + " s; no connection was opened for this target.", "08004");
                }
                most.accumulateAndGet(permitsPerServer - permits.availablePermits(), Math::max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for one of the fleet's connections.", "08004", e);
            }
        }

        /** {@code connection}, giving its permit back once when closed or aborted. */
        private Connection release(Connection connection) {
            AtomicBoolean released = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        String name = method.getName();
                        if (name.equals("equals")) {
                            return proxy == arguments[0];
                        }
                        if (name.equals("hashCode")) {
                            return System.identityHashCode(proxy);
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if ((name.equals("close") || name.equals("abort")) && released.compareAndSet(false, true)) {
                                permits.release();
                            }
                        }
                    });
        }
    }
}
