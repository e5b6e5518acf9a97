package dev.chatmigrate.spi;

/** A setting is missing or malformed (URL, duration, target version, ...). */
public class InvalidConfigurationException extends MigrationException {

    public InvalidConfigurationException(String message) {
        super(Kind.BAD_CONFIGURATION, message);
    }

    /** A malformed value of {@code setting}: {@code found} where {@code expected} was. */
    public InvalidConfigurationException(String message, String setting, String expected, String found) {
        super(Kind.BAD_CONFIGURATION, message, null, setting, expected, found);
    }

    InvalidConfigurationException(Kind kind, String message, String setting, String expected, String found) {
        super(kind, message, null, setting, expected, found);
    }
}
