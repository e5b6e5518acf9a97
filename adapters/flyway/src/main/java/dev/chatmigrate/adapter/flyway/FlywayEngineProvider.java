package dev.chatmigrate.adapter.flyway;

import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.EarlierHistory;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.UpToDateCheck;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Provides the {@code flyway} engine. Downgrade is emulated (Flyway CE has no undo); checksums are
 * validated; an up-to-date history is recognised without starting Flyway.
 */
public final class FlywayEngineProvider implements MigrationEngineProvider {

    @Override
    public String id() {
        return "flyway";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.EMULATED_DOWNGRADE, Capability.CHECKSUM_VALIDATION, Capability.UP_TO_DATE_CHECK);
    }

    @Override
    public void warmUp() {
        FlywayEngine.warmUp();
    }

    @Override
    public MigrationEngine open(MigrationSettings settings) {
        return new FlywayEngine(id(), settings);
    }

    @Override
    public Optional<UpToDateCheck> upToDateCheck() {
        return Optional.of(new FlywayHistoryCheck());
    }

    @Override
    public List<String> historyTables() {
        return List.of(FlywayEngine.HISTORY_TABLE);
    }

    @Override
    public Optional<EarlierHistory> earlierHistory() {
        return Optional.of(new FlywayEarlierHistory());
    }
}
