package dev.chatmigrate.spi;

/**
 * The root of every chatmigrate failure. Messages say what was expected, what was found and what to
 * do, and never contain a password. {@link #exitCode()} is the process exit code of the
 * {@code chatmigrate} command for this failure.
 */
public class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exit code for this failure: 1, a step failed, unless a subtype says otherwise. */
    public int exitCode() {
        return 1;
    }
}
