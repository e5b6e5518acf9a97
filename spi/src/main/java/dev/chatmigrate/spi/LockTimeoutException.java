package dev.chatmigrate.spi;

/** Another session held a lock longer than the lock timeout; the message names it. */
public class LockTimeoutException extends MigrationException {

    public LockTimeoutException(String message) {
        super(Kind.LOCK_TIMEOUT, message, null, "lock-timeout", null, null);
    }

    public LockTimeoutException(String message, Throwable cause) {
        super(Kind.LOCK_TIMEOUT, message, cause, "lock-timeout", null, null);
    }
}
