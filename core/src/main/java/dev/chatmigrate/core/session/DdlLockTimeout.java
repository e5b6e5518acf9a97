package dev.chatmigrate.core.session;

import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Gives every connection the engines and chatmigrate use a {@code lock_timeout} of the DDL lock timeout,
 * so that no DDL statement queues for its table lock longer than that, and no query of the chatbot queues
 * behind it longer than that either. PostgreSQL applies {@code lock_timeout} to every lock wait, including
 * the waits of {@code CREATE INDEX CONCURRENTLY} for older transactions; a statement that runs out of it
 * fails with SQLState 55P03 ({@code lock_not_available}), which the runner retries (see {@code OnlineRetry}).
 *
 * <p>A pgJDBC {@link PGSimpleDataSource} (what chatmigrate makes from a URL) is copied with the setting
 * added to its startup {@code options}: no extra round trip. Any other data source, such as the
 * application's pool, is wrapped by {@link LockTimeoutConnections}: {@code set lock_timeout} when a
 * connection is taken, {@code reset lock_timeout} when it is given back, so the pool's connections keep
 * the application's own setting afterwards. A timeout of zero means "wait forever", PostgreSQL's default,
 * and leaves the data source as it is.
 */
public final class DdlLockTimeout {

    private DdlLockTimeout() {
    }

    /** {@code source}, or a data source like it whose connections wait at most {@code timeout} for any lock. */
    public static DataSource apply(DataSource source, Duration timeout) {
        if (timeout.isZero()) {
            return source;
        }
        long millis = Math.max(1, timeout.toMillis());
        if (source instanceof PGSimpleDataSource simple) {
            return withStartupOption(simple, millis);
        }
        return new LockTimeoutConnections(source, millis);
    }

    /** A copy of {@code original} (everything, credentials included) whose connections start with {@code -c lock_timeout=N}. */
    private static DataSource withStartupOption(PGSimpleDataSource original, long millis) {
        PGSimpleDataSource copy = new PGSimpleDataSource() {
            @Override
            public String toString() {
                return original.toString();
            }
        };
        try {
            copy.setFromReference(original.getReference());
        } catch (javax.naming.NamingException e) {
            return new LockTimeoutConnections(original, millis);
        }
        String options = original.getOptions();
        String setting = "-c lock_timeout=" + millis;
        copy.setOptions(options == null || options.isBlank() ? setting : options + " " + setting); // the last -c wins
        return new StartupOptionFallback(copy, new LockTimeoutConnections(original, millis));
    }
}
