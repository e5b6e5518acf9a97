package dev.chatmigrate.core.lock;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * What interrupted a step, read from the causes of its failure, whichever engine wrapped them: a DDL
 * statement that gave up waiting for its lock, or a connection that was lost. Both are cured by trying
 * the step again (on new connections, for a lost one); anything else is not.
 */
public enum Interruption {
    /** SQLState 55P03 {@code lock_not_available}: a statement waited {@code lock_timeout} for a lock. */
    LOCK_NOT_AVAILABLE,
    /**
     * SQLState class 08 (connection exception), 57P01 {@code admin_shutdown} ("terminating connection due to
     * administrator command", as {@code pg_terminate_backend} and restarting computes send), 57P02
     * {@code crash_shutdown}, 57P03 {@code cannot_connect_now}, or an I/O error under an {@link SQLException}.
     */
    CONNECTION_LOST,
    /** Anything else: retrying cannot help. */
    NONE;

    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    /** The interruption behind {@code failure}, looking through every cause (and suppressed exception). */
    public static Interruption of(Throwable failure) {
        return find(failure, 0);
    }

    private static Interruption find(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
            Interruption found = of(cause, depth);
            if (found != NONE) {
                return found;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return NONE;
    }

    private static Interruption of(Throwable cause, int depth) {
        if (cause instanceof SQLException sql && sql.getCause() instanceof IOException) {
            return CONNECTION_LOST;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.equals("55P03")) {
                return LOCK_NOT_AVAILABLE;
            }
            if (state.startsWith("08") || SHUTDOWN_STATES.contains(state)) {
                return CONNECTION_LOST;
            }
        }
        for (Throwable suppressed : cause.getSuppressed()) {
            Interruption found = find(suppressed, depth + 1);
            if (found != NONE) {
                return found;
            }
        }
        return NONE;
    }
}
