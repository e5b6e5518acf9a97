package dev.chatmigrate.spi;

/** The database could not be reached (after retrying, where retrying can help) or refused us. */
public class CannotConnectException extends MigrationException {

    public CannotConnectException(String message, Throwable cause) {
        super(Kind.CANNOT_CONNECT, message, cause);
    }

    /** A failure that a setting can fix, such as the {@code password} or the {@code connect-timeout}. */
    public CannotConnectException(String message, Throwable cause, String setting) {
        super(Kind.CANNOT_CONNECT, message, cause, setting, null, null);
    }
}
