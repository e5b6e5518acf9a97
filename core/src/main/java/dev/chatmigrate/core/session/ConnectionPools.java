package dev.chatmigrate.core.session;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What the runner needs from an application's connection pool handed to it as its data source: room for the
 * connections a migration holds at once, and a way to end a connection's server session. Pools are recognised by
 * their public methods: {@code getMaximumPoolSize()} and {@code evictConnection(Connection)} (HikariCP, Spring
 * Boot's pool), {@code getMaxTotal()} (Commons DBCP). Any other data source is taken as it is.
 */
public final class ConnectionPools {

    /**
     * The connections a migration may hold at once: the lock's, the work connection (which the engine takes over), and
     * a probe of {@link DirectSession} where a login cannot prove the server session.
     */
    public static final int REQUIRED = 3;

    private ConnectionPools() {
    }

    /** Throws {@link InvalidConfigurationException} when {@code dataSource} is a pool of fewer than {@link #REQUIRED} connections. */
    public static void requireCapacity(DataSource dataSource) {
        int size = maximumSize(dataSource);
        if (size > 0 && size < REQUIRED) {
            throw new InvalidConfigurationException("The connection pool " + dataSource + " holds at most " + size
                    + " connections, but a migration needs " + REQUIRED + " at once (the lock, the work and a check of the session)."
                    + " Give the pool at least " + REQUIRED + " connections, or give chatmigrate a data source of its own.",
                    "data-source", "a pool of at least " + REQUIRED + " connections", size + " connections");
        }
    }

    /**
     * Closes {@code connection}, taken from {@code dataSource}, so that its server session ends: a HikariCP pool is
     * told to evict it first, where it would otherwise keep it open for the next borrower.
     */
    public static void closeForGood(DataSource dataSource, Connection connection) throws SQLException {
        Method evict = method(dataSource, "evictConnection", Connection.class);
        if (evict != null) {
            try {
                evict.invoke(dataSource, connection);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not evicted: the pool keeps the session, and the proof that needed it says so
            }
        }
        connection.close();
    }

    private static int maximumSize(DataSource dataSource) {
        for (String accessor : new String[] {"getMaximumPoolSize", "getMaxTotal"}) {
            Method method = method(dataSource, accessor);
            try {
                if (method != null && method.invoke(dataSource) instanceof Integer size) {
                    return size;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not this kind of pool
            }
        }
        return 0;
    }

    private static Method method(DataSource dataSource, String name, Class<?>... parameters) {
        try {
            return dataSource.getClass().getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
