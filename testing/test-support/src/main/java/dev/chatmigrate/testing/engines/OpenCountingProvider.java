package dev.chatmigrate.testing.engines;

import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.UpToDateCheck;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Delegates to the provider under test, counting how often the engine is warmed up and opened. */
public final class OpenCountingProvider implements MigrationEngineProvider {

    private final MigrationEngineProvider delegate;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger warmedUp = new AtomicInteger();
    private volatile Thread warmUpThread;

    public OpenCountingProvider(MigrationEngineProvider delegate) {
        this.delegate = delegate;
    }

    public int opened() {
        return opened.get();
    }

    public int warmedUp() {
        return warmedUp.get();
    }

    /** The thread the last warm-up ran on, {@code null} before any. */
    public Thread warmUpThread() {
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
    public Optional<UpToDateCheck> upToDateCheck() {
        return delegate.upToDateCheck();
    }

    @Override
    public List<String> historyTables() {
        return delegate.historyTables();
    }
}
