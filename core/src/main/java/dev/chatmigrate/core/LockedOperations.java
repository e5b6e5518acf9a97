package dev.chatmigrate.core;

import dev.chatmigrate.core.access.Preflight;
import dev.chatmigrate.core.history.EngineHistories;
import dev.chatmigrate.core.history.EngineSwitch;
import dev.chatmigrate.core.lock.LockedFacts;
import dev.chatmigrate.core.lock.LockedSession;
import dev.chatmigrate.core.lock.OnlineRetry;
import dev.chatmigrate.core.session.DdlLockTimeout;
import dev.chatmigrate.core.session.HandedOverConnection;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.Secrets;
import dev.chatmigrate.spi.StepFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's operations under the lock, for one engine: each runs on the work connection of a {@link LockedSession},
 * again as a whole when a DDL statement gave up waiting for its lock or the connection was lost ({@link OnlineRetry}),
 * and opens the engine on that connection only when it needs it. See {@code docs/design.md}, "The runner".
 */
final class LockedOperations {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class); // logs as the runner it serves

    private final MigrationSettings settings;
    /** {@link #settings} with a data source whose connections wait at most the DDL lock timeout for a lock. */
    private final MigrationSettings online;
    private final MigrationEngineProvider provider;
    /** The histories of every engine on the class path and of {@link #provider}, found once. */
    private final EngineHistories histories;

    LockedOperations(MigrationSettings settings, MigrationEngineProvider provider) {
        this.settings = settings;
        this.provider = provider;
        this.online = settings.withDataSource(DdlLockTimeout.apply(settings.dataSource(), settings.ddlLockTimeout()));
        List<MigrationEngineProvider> known = new ArrayList<>(MigrationEngines.all());
        known.add(provider);
        this.histories = EngineHistories.of(known);
    }

    MigrationSettings online() {
        return online;
    }

    EngineHistories histories() {
        return histories;
    }

    /** Work done while the lock is held, on a connection of its own (not the lock's). */
    interface Work<T> {
        T run(Connection connection, LockedFacts facts, OnlineRetry retry) throws SQLException;
    }

    /** Which other engines' histories track the schema, read under the lock; see {@link EngineSwitch}. */
    EngineSwitch engineSwitch(Connection connection) throws SQLException {
        return EngineSwitch.detect(provider, histories, connection, settings.schema());
    }

    /**
     * Opens the engine only once the lock is held and existing tables are adopted, so a refusal leaves no trace; its
     * first connection is the work connection ({@link HandedOverConnection}). The engine is told whether
     * {@code messages} is partitioned, as read under the lock ({@link LockedFacts#messagesPartitioned()}), so that its
     * scripts take that layout's form ({@code ScriptPlaceholders}).
     */
    <T> T withEngine(Connection work, LockedFacts facts, Function<MigrationEngine, T> operation) {
        MigrationSettings engineSettings = online.withDataSource(new HandedOverConnection(online.dataSource(), work))
                .withPartitionedMessages(facts.messagesPartitioned());
        try (MigrationEngine engine = provider.open(engineSettings)) {
            return operation.apply(engine);
        }
    }

    /**
     * Runs {@code work} on the work connection of a {@link LockedSession} (DDL never runs on the lock's, which stays
     * inside the transaction that holds the lock); its lock connection is {@code handed} when the restart check left
     * one open. When {@code engineExpected}, the engine warms up meanwhile. A DDL statement that gives up waiting for
     * its lock, or a lost connection, runs the whole of it again ({@link OnlineRetry}), on new connections. Before
     * {@code work}, {@code preflight} refuses what the role or the server does not allow, changing nothing.
     */
    <T> T run(String operation, Connection handed, boolean engineExpected, Preflight preflight, Work<T> work) {
        long started = System.nanoTime();
        OnlineRetry retry = new OnlineRetry(operation + " with " + provider.id(), online);
        if (engineExpected) {
            EngineWarmUp.start(provider);
        }
        Connection[] firstLock = {handed};
        T result = retry.run(() -> {
            Connection lockConnection = firstLock[0];
            firstLock[0] = null; // the first attempt takes it over: it is closed with the session, or when opening fails
            try (LockedSession session = LockedSession.open(lockConnection, settings, online.dataSource(), histories.otherRecordingTables(provider),
                    provider.historyTables())) {
                preflight.require(session.facts().access(), session.facts().schemaExists(), settings.schema(), provider.id(),
                        () -> provider.verifiedVersion(session.work(), settings.schema()));
                return work.run(session.work(), session.facts(), retry);
            } catch (MigrationException e) {
                throw e;
            } catch (SQLException | RuntimeException e) {
                throw new StepFailedException(operation + " with " + provider.id() + " failed: " + Secrets.redact(e.getMessage()), e);
            }
        });
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        LOG.debug("{} with {} on schema {} took {} ms ({} DDL lock retries, {} reconnections)", operation, provider.id(),
                settings.schema(), elapsed.toMillis(), retry.lockRetries(), retry.recoveries());
        if (result instanceof MigrationReport report) {
            @SuppressWarnings("unchecked")
            T timed = (T) report.withDuration(elapsed);
            return timed;
        }
        return result;
    }
}
