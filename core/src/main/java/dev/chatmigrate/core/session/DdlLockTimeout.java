package dev.chatmigrate.core.session;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
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
 * and is then left out.
 *
 * <p>The same connections also get {@code statement_timeout = 0} and {@code idle_in_transaction_session_timeout = 0},
 * overriding what {@code ALTER ROLE ... SET} or {@code ALTER DATABASE ... SET} gave the role: a statement timeout cancels
 * an index build half way (leaving an INVALID index), an idle timeout ends Liquibase's session between the statements of
 * its lock's transaction (leaving its lock row held). Lock waits stay bounded by {@code lock_timeout}. Not
 * {@code default_transaction_read_only}: a role made read-only is refused by name instead ({@code Preflight}).
 * See {@code docs/design.md}, "Shared databases".
 */
public final class DdlLockTimeout {

    private DdlLockTimeout() {
    }

    /** The settings every connection of chatmigrate's own gets besides {@code lock_timeout}, with their values. */
    static final Map<String, String> OVERRIDDEN = Map.of("statement_timeout", "0", "idle_in_transaction_session_timeout", "0");

    /**
     * A data source like {@code source} whose connections wait at most {@code timeout} for any lock (zero: no limit, as
     * the role has it) and have no statement or idle-in-transaction timeout.
     */
    public static DataSource apply(DataSource source, Duration timeout) {
        Map<String, String> settings = new LinkedHashMap<>(OVERRIDDEN);
        if (!timeout.isZero()) {
            settings.put("lock_timeout", String.valueOf(Math.max(1, timeout.toMillis())));
        }
        if (source instanceof PGSimpleDataSource simple) {
            return withStartupOption(simple, settings);
        }
        return new LockTimeoutConnections(source, settings);
    }

    /** A copy of {@code original} (everything, credentials included) whose connections start with {@code -c name=value} for each setting. */
    private static DataSource withStartupOption(PGSimpleDataSource original, Map<String, String> settings) {
        PGSimpleDataSource copy = new PGSimpleDataSource() {
            @Override
            public String toString() {
                return original.toString();
            }
        };
        try {
            copy.setFromReference(original.getReference());
        } catch (javax.naming.NamingException e) {
            return new LockTimeoutConnections(original, settings);
        }
        String options = original.getOptions();
        String setting = settings.entrySet().stream().map(e -> "-c " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        copy.setOptions(options == null || options.isBlank() ? setting : options + " " + setting); // the last -c wins
        return new StartupOptionFallback(copy, new LockTimeoutConnections(original, settings));
    }
}
