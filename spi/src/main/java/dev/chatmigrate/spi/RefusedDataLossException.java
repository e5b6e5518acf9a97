package dev.chatmigrate.spi;

/** A downgrade would have destroyed data and was not allowed to; nothing was changed. */
public class RefusedDataLossException extends MigrationException {

    public RefusedDataLossException(String message) {
        super(Kind.REFUSED_DATA_LOSS, message, null, "allow-data-loss", "true to drop the data", "false");
    }
}
