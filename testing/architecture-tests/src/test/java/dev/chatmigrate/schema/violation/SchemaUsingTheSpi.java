package dev.chatmigrate.schema.violation;

import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationException;

/** Breaks two rules on purpose (the schema depending on the SPI, a cycle with it); only {@code RulesCanFailTest} imports it. */
public final class SchemaUsingTheSpi {

    public Object failure() {
        return new MigrationException(MigrationException.Kind.STEP_FAILED, "violation");
    }

    public Object step(AppliedStep step) {
        return step.version();
    }
}
