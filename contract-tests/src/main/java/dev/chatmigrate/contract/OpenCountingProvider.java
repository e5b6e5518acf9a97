package dev.chatmigrate.contract;

import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Delegates to the provider under test, counting how often the engine is warmed up and opened. */
final class OpenCountingProvider implements MigrationEngineProvider {

    private final MigrationEngineProvider delegate;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger warmedUp = new AtomicInteger();
    private volatile Thread warmUpThread;

    OpenCountingProvider(MigrationEngineProvider delegate) {
        this.delegate = delegate;
    }

    int opened() {
        return opened.get();
    }

    int warmedUp() {
        return warmedUp.get();
    }

    /** The thread the last warm-up ran on, {@code null} before any. */
    Thread warmUpThread() {
        return warmUpThread;
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
    public void warmUp() {
        warmUpThread = Thread.currentThread();
        warmedUp.incrementAndGet();
        delegate.warmUp();
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

    @Override
    public List<String> historyTables() {
        return delegate.historyTables();
    }
}
