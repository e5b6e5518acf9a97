package dev.chatmigrate.core.lock;

import dev.chatmigrate.core.session.Backoff;
import dev.chatmigrate.core.session.ConnectionRetry;
import dev.chatmigrate.spi.CannotConnectException;
import dev.chatmigrate.spi.LockTimeoutException;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.Secrets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one locked operation of the runner (connect, lock, adopt, engine) again when it was interrupted in a way
 * that trying again cures, as every engine's versions are transactional or idempotent:
 * <ul>
 *   <li>a DDL statement that gave up waiting for its lock ({@link Interruption#LOCK_NOT_AVAILABLE}, after the
 *       DDL lock timeout): again after a pause with exponential backoff and jitter, until the lock budget, counted
 *       from the first such failure, is spent; then {@link LockTimeoutException} naming the blocking sessions
 *       ({@link LockBlockers});</li>
 *   <li>a lost connection ({@link Interruption#CONNECTION_LOST}): again on new connections, which
 *       {@link ConnectionRetry} opens within the connect budget; the attempt takes the advisory lock again, adoption
 *       and the engine's history prove what was applied, and the engine continues from there. When the database
 *       cannot be reached again, {@link CannotConnectException} says which version the history proved.</li>
 * </ul>
 * Anything else ends the operation at once.
 */
public final class OnlineRetry {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineRetry.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    /** Connections lost in one operation before it gives up: a network that drops every connection is not recovered by retrying. */
    static final int MOST_RECOVERIES = 10;

    private final String operation;
    private final MigrationSettings settings;
    private long lockDeadline;
    private final Backoff pauses = new Backoff(FIRST_PAUSE, LONGEST_PAUSE);
    private long lastLog;
    private int lockRetries;
    private int recoveries;
    private int provedVersion = -1;

    /** For {@code operation} (such as "migrate with flyway") under {@code settings}' budgets; its data source is used to name blockers. */
    public OnlineRetry(String operation, MigrationSettings settings) {
        this.operation = operation;
        this.settings = settings;
    }

    /** Records the version the engine's history proved at the start of an attempt, for the message if the connection is lost for good. */
    public void proved(int version) {
        provedVersion = version;
    }

    /** How many times a DDL statement gave up waiting for its lock and was retried. */
    public int lockRetries() {
        return lockRetries;
    }

    /** How many lost connections were recovered. */
    public int recoveries() {
        return recoveries;
    }

    /** Runs {@code attempt} until it succeeds or fails in a way that trying again cannot cure. */
    public <T> T run(Supplier<T> attempt) {
        while (true) {
            try {
                return attempt.get();
            } catch (CannotConnectException e) {
                if (e.setting().isPresent()) { // ConnectionRetry's verdict: its budget is spent, or retrying cannot help
                    throw recoveries == 0 ? e : new CannotConnectException(e.getMessage() + " " + applied(), e, e.setting().get());
                }
                retryOrThrow(e);
            } catch (RuntimeException e) {
                retryOrThrow(e);
            }
        }
    }

    private void retryOrThrow(RuntimeException failure) {
        switch (Interruption.of(failure)) {
            case LOCK_NOT_AVAILABLE -> pauseForLocks(failure);
            case CONNECTION_LOST -> recoverFrom(failure);
            default -> throw failure;
        }
    }

    private void pauseForLocks(RuntimeException failure) {
        long now = System.nanoTime();
        if (lockRetries == 0) {
            lockDeadline = now + settings.lockTimeout().toNanos();
        }
        long leftMillis = (lockDeadline - now) / 1_000_000;
        if (leftMillis <= 0) {
            throw new LockTimeoutException("A DDL statement of " + operation + " on schema " + settings.schema() + " could not get its table"
                    + " lock in " + (lockRetries + 1) + " tries of at most " + millis(settings.ddlLockTimeout()) + " each over "
                    + millis(settings.lockTimeout()) + ", waiting no longer at a time so that the chatbot's own queries never queue behind it for longer."
                    + " Blocked by " + blockers() + ". The interrupted version changed nothing (an index build it began is"
                    + " rebuilt by the next run)" + provedPhrase() + " Let that session finish or end it (select pg_terminate_backend(pid)), then run again.", failure);
        }
        lockRetries++;
        if (lastLog == 0 || now - lastLog > LOG_EVERY.toNanos()) {
            LOG.info("A DDL statement of {} waited {} for its lock on schema {}, held by {}; trying again for up to {} s more",
                    operation, millis(settings.ddlLockTimeout()), settings.schema(), blockers(), Math.max(1, leftMillis / 1000));
            lastLog = now;
        } else {
            LOG.debug("{}: DDL lock wait #{} ran out; trying again", operation, lockRetries);
        }
        pauses.pause(leftMillis);
    }

    private void recoverFrom(RuntimeException failure) {
        recoveries++;
        if (recoveries > MOST_RECOVERIES) {
            throw new CannotConnectException("The connection to " + settings.dataSource() + " was lost " + recoveries + " times during "
                    + operation + "; the last time: " + oneLine(failure) + ". " + applied(), failure, "connect-timeout");
        }
        LOG.warn("The connection was lost during {} ({}); connecting again, taking the lock again and continuing from what the"
                + " history proves", operation, oneLine(failure));
        Backoff.sleep(FIRST_PAUSE.toMillis());
    }

    private String blockers() {
        try (Connection connection = ConnectionRetry.open(settings.dataSource(), settings.connectTimeout())) {
            return LockBlockers.describe(connection, settings.schema(), settings.ddlLockTimeout());
        } catch (SQLException | RuntimeException e) {
            return "a session that could not be named (" + Secrets.redact(e.getMessage()) + ")";
        }
    }

    private String applied() {
        return provedVersion < 0 ? "Which versions were applied is unknown: the history was not read before the connection was lost."
                : "The engine's history proved version " + provedVersion + " before the connection was lost; later versions may be"
                + " partly applied, and the next migrate completes them (every version is transactional or idempotent).";
    }

    private String provedPhrase() {
        return provedVersion < 0 ? "." : "; the engine's history proves version " + provedVersion + ".";
    }

    /** The first line of the innermost SQL error's message (the server's own words), else of the failure's. */
    private static String oneLine(Throwable failure) {
        Throwable telling = failure;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                telling = cause;
            }
        }
        String message = telling.getMessage() == null ? telling.getClass().getSimpleName() : telling.getMessage();
        return Secrets.redact(message.lines().findFirst().orElse(message));
    }

    private static String millis(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
