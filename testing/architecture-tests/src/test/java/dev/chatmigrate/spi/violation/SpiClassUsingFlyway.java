package dev.chatmigrate.spi.violation;

import org.flywaydb.core.Flyway;

/** Breaks two rules on purpose (an engine library in the SPI); only {@code RulesCanFailTest} imports it. */
public final class SpiClassUsingFlyway {

    public Object engine() {
        return Flyway.configure();
    }
}
