package dev.chatmigrate.adapter.mybatis;

import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.UpToDateCheck;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Provides the {@code mybatis} engine. Downgrade is native (the scripts' {@code -- //@UNDO} sections);
 * MyBatis records no checksums, so {@link Capability#CHECKSUM_VALIDATION} is not declared.
 */
public final class MyBatisEngineProvider implements MigrationEngineProvider {

    @Override
    public String id() {
        return "mybatis";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.NATIVE_DOWNGRADE, Capability.UP_TO_DATE_CHECK);
    }

    @Override
    public MigrationEngine open(MigrationSettings settings) {
        return MyBatisEngine.open(id(), settings);
    }

    @Override
    public Optional<UpToDateCheck> upToDateCheck() {
        return Optional.of(new MyBatisHistoryCheck());
    }

    @Override
    public List<String> historyTables() {
        return List.of(MyBatisEngine.CHANGELOG_TABLE);
    }
}
