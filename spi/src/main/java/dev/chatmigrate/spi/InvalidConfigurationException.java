package dev.chatmigrate.spi;

/** A setting is missing or malformed (URL, duration, target version, ...); exit code 2. */
public class InvalidConfigurationException extends MigrationException {

    public InvalidConfigurationException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
