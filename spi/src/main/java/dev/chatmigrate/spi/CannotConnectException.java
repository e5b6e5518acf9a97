package dev.chatmigrate.spi;

/** The database could not be reached (after retrying, where retrying can help) or refused us; exit code 3. */
public class CannotConnectException extends MigrationException {

    public CannotConnectException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 3;
    }
}
