package dev.chatmigrate.adapter.liquibase;

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
 * Provides the {@code liquibase} engine. Downgrade is Liquibase's own rollback to a version's tag;
 * validation reports changesets whose checksum changed since they ran; an up-to-date history is
 * recognised without starting Liquibase. Loads no Liquibase class until {@link #warmUp()} or
 * {@link #open(MigrationSettings)}.
 */
public final class LiquibaseEngineProvider implements MigrationEngineProvider {

    @Override
    public String id() {
        return "liquibase";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.NATIVE_DOWNGRADE, Capability.CHECKSUM_VALIDATION, Capability.UP_TO_DATE_CHECK);
    }

    @Override
    public void warmUp() {
        try {
            LiquibaseWarmUp.run();
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase did not start", e);
        }
    }

    @Override
    public MigrationEngine open(MigrationSettings settings) {
        return new LiquibaseEngine(id(), settings);
    }

    @Override
    public Optional<UpToDateCheck> upToDateCheck() {
        return Optional.of(new LiquibaseHistoryCheck());
    }

    @Override
    public List<String> historyTables() {
        return List.of(ChangelogHistory.TABLE, StaleLock.TABLE);
    }

    @Override
    public Optional<EarlierHistory> earlierHistory() {
        return Optional.of(new LiquibaseEarlierHistory());
    }
}
