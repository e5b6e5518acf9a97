package dev.chatmigrate.core.session;

import dev.chatmigrate.spi.CannotConnectException;
import dev.chatmigrate.spi.Secrets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a connection, retrying with exponential backoff and jitter while the failure is transient
 * (refused, reset, SQLState class 08, 57P03 "cannot connect now", 53300 "too many connections"), until
 * the total timeout. Authentication failures, unknown databases and malformed URLs fail at once.
 */
public final class ConnectionRetry {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRetry.class);
    private static final Duration FIRST_DELAY = Duration.ofMillis(200);
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(5);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final Set<String> PERMANENT_CONNECTION_STATES = Set.of("08004", "08P01");

    private ConnectionRetry() {
    }

    /** Opens a connection from {@code database}, retrying transient failures for at most {@code totalTimeout}. */
    public static Connection open(DataSource database, Duration totalTimeout) {
        long deadline = System.nanoTime() + totalTimeout.toNanos();
        Backoff backoff = new Backoff(FIRST_DELAY, LONGEST_DELAY);
        int attempts = 0;
        long lastLog = 0;
        while (true) {
            attempts++;
            try {
                return database.getConnection();
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    throw permanentFailure(database, e);
                }
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.toMillis() <= 0) {
                    throw new CannotConnectException("Cannot connect to " + database + " within " + seconds(totalTimeout) + " ("
                            + attempts + " attempts; last error: " + Secrets.redact(e.getMessage()) + "). Check that the server is"
                            + " running and reachable from here, or raise the connect-timeout if it takes longer to wake up.", e, "connect-timeout");
                }
                if (lastLog == 0 || System.nanoTime() - lastLog > LOG_EVERY.toNanos()) {
                    LOG.info("Database not reachable yet ({}); retrying for up to {} s more", Secrets.redact(e.getMessage()), left.toSeconds());
                    lastLog = System.nanoTime();
                }
                backoff.pause(left.toMillis());
            }
        }
    }

    /** True for failures that waiting can cure: the server is starting, waking up, or busy. */
    public static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return (state.startsWith("08") && !PERMANENT_CONNECTION_STATES.contains(state)) || TRANSIENT_STATES.contains(state);
    }

    private static CannotConnectException permanentFailure(DataSource database, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean credentials = state.equals("28P01") || state.equals("28000");
        String advice = switch (state) {
            case "28P01", "28000" -> "The server refused the credentials. Check the user and password (or the user:password part of"
                    + " the url); retrying cannot help.";
            case "3D000" -> "The database does not exist on that server. Check the database name in the url, or create it first.";
            default -> "Retrying cannot help; check the url and the server's settings.";
        };
        return new CannotConnectException("Cannot connect to " + database + ": " + Secrets.redact(e.getMessage())
                + (state.isEmpty() ? "" : " (SQLState " + state + ")") + ". " + advice, e, credentials ? "password" : "url");
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
