package dev.chatmigrate.spi;

/** Another migrator held the migration lock longer than the lock timeout; exit code 5. */
public class LockTimeoutException extends MigrationException {

    public LockTimeoutException(String message) {
        super(message);
    }

    public LockTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 5;
    }
}
