package dev.chatmigrate.spi;

/** A migration or undo step failed inside the engine. */
public class StepFailedException extends MigrationException {

    public StepFailedException(String message, Throwable cause) {
        super(Kind.STEP_FAILED, message, cause);
    }
}
