package dev.chatmigrate.adapter.flyway;

import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import java.util.EnumSet;
import java.util.Set;

/** Provides the {@code flyway} engine. Downgrade is emulated (Flyway CE has no undo); checksums are validated. */
public final class FlywayEngineProvider implements MigrationEngineProvider {

    @Override
    public String id() {
        return "flyway";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.EMULATED_DOWNGRADE, Capability.CHECKSUM_VALIDATION);
    }

    @Override
    public MigrationEngine open(MigrationSettings settings) {
        return new FlywayEngine(id(), settings);
    }
}
