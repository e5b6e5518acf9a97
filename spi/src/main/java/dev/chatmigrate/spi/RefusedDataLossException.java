package dev.chatmigrate.spi;

/** A downgrade would have destroyed rows and was not allowed to; nothing was changed. Exit code 6. */
public class RefusedDataLossException extends MigrationException {

    public RefusedDataLossException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return 6;
    }
}
