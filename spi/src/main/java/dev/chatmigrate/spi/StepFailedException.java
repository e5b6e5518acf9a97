package dev.chatmigrate.spi;

/** A migration or undo step failed inside the engine; exit code 1. */
public class StepFailedException extends MigrationException {

    public StepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
