package dev.chatmigrate.contract;

import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Delegates to the provider under test, counting how often the engine is opened. */
final class OpenCountingProvider implements MigrationEngineProvider {

    private final MigrationEngineProvider delegate;
    private final AtomicInteger opened = new AtomicInteger();

    OpenCountingProvider(MigrationEngineProvider delegate) {
        this.delegate = delegate;
    }

    int opened() {
        return opened.get();
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public MigrationEngine open(MigrationSettings settings) {
        opened.incrementAndGet();
        return delegate.open(settings);
    }

    @Override
    public OptionalInt verifiedVersion(Connection connection, String schema) throws SQLException {
        return delegate.verifiedVersion(connection, schema);
    }
}
