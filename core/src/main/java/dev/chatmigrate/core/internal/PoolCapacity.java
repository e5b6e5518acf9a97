package dev.chatmigrate.core.internal;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.lang.reflect.Method;
import javax.sql.DataSource;

/**
 * Refuses, at once, a connection pool too small for a migration: the runner holds the lock on one
 * connection, adopts on a second, and the engine opens its own (Flyway two). A smaller pool would
 * make the engine wait for a connection that is never returned. Pools are recognised by their
 * {@code getMaximumPoolSize()} (HikariCP) or {@code getMaxTotal()} (Commons DBCP) accessor.
 */
public final class PoolCapacity {

    /** The connections a migration may hold at once. */
    public static final int REQUIRED = 4;

    private PoolCapacity() {
    }

    /** Throws {@link InvalidConfigurationException} when {@code dataSource} is a pool of fewer than {@link #REQUIRED} connections. */
    public static void require(DataSource dataSource) {
        int size = maximumSize(dataSource);
        if (size > 0 && size < REQUIRED) {
            throw new InvalidConfigurationException("The connection pool " + dataSource + " holds at most " + size
                    + " connections, but a migration needs " + REQUIRED + " at once (the lock, adoption and the engine's own)."
                    + " Give the pool at least " + REQUIRED + " connections, or give chatmigrate a data source of its own.",
                    "data-source", "a pool of at least " + REQUIRED + " connections", size + " connections");
        }
    }

    private static int maximumSize(DataSource dataSource) {
        for (String accessor : new String[] {"getMaximumPoolSize", "getMaxTotal"}) {
            try {
                Method method = dataSource.getClass().getMethod(accessor);
                Object value = method.invoke(dataSource);
                if (value instanceof Integer size) {
                    return size;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not this kind of pool
            }
        }
        return 0;
    }
}
