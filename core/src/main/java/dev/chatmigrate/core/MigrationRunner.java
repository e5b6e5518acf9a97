package dev.chatmigrate.core;

import dev.chatmigrate.core.internal.AdvisoryLock;
import dev.chatmigrate.core.internal.ConnectionPair;
import dev.chatmigrate.core.internal.ConnectionPools;
import dev.chatmigrate.core.internal.ConnectionRetry;
import dev.chatmigrate.core.internal.DataLossGuard;
import dev.chatmigrate.core.internal.DdlLockTimeout;
import dev.chatmigrate.core.internal.DirectSession;
import dev.chatmigrate.core.internal.EngineHistories;
import dev.chatmigrate.core.internal.EngineSwitch;
import dev.chatmigrate.core.internal.EngineWarmUp;
import dev.chatmigrate.core.internal.HandedOverConnection;
import dev.chatmigrate.core.internal.LockedFacts;
import dev.chatmigrate.core.internal.OnlineRetry;
import dev.chatmigrate.core.internal.RestartCheck;
import dev.chatmigrate.core.internal.SchemaAdoption;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.Secrets;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.spi.StepFailedException;
import dev.chatmigrate.spi.ValidationReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an engine the way chatmigrate always does: connect with retry while the database wakes up,
 * take the shared advisory lock on a dedicated connection, adopt existing tables (migrate) or guard
 * against data loss (downgrade), run the engine, release. Safe to call from many replicas at once.
 * Meanwhile the engine warms up on another thread ({@link MigrationEngineProvider#warmUp()}).
 *
 * Applications use it through {@link Chatmigrate}; see {@code docs/design.md}, "The runner".
 */
public final class MigrationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final MigrationSettings settings;
    /** {@link #settings} with a data source whose connections wait at most the DDL lock timeout for a lock. */
    private final MigrationSettings online;
    private final MigrationEngineProvider provider;
    private final AdoptionOptions adoption;
    /** The histories of every engine on the class path and of {@link #provider}, found once. */
    private final EngineHistories histories;

    public MigrationRunner(MigrationSettings settings, MigrationEngineProvider provider) {
        this(settings, provider, AdoptionOptions.DEFAULT);
    }

    /** A runner whose adoption may convert what {@code adoption} asks for. */
    public MigrationRunner(MigrationSettings settings, MigrationEngineProvider provider, AdoptionOptions adoption) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.adoption = Objects.requireNonNull(adoption, "adoption");
        ConnectionPools.requireCapacity(settings.dataSource());
        this.online = settings.withDataSource(DdlLockTimeout.apply(settings.dataSource(), settings.ddlLockTimeout()));
        List<MigrationEngineProvider> known = new ArrayList<>(MigrationEngines.all());
        known.add(provider);
        this.histories = EngineHistories.of(known);
    }

    /** A runner for the engine named in {@code settings}, found by id on the class path. */
    public static MigrationRunner of(MigrationSettings settings) {
        return new MigrationRunner(settings, MigrationEngines.byId(settings.engineId()));
    }

    public MigrationSettings settings() {
        return settings;
    }

    /** Migrates to the latest version. */
    public MigrationReport migrate() {
        return migrate(ChatbotSchema.LATEST_VERSION);
    }

    /**
     * Adopts existing chatbot tables, then applies every pending version up to {@code target}. A restart on a
     * schema the engine's history already proves at {@code target} costs one connection and one round trip
     * ({@link RestartCheck}); anything else goes the full way, on that connection.
     */
    public MigrationReport migrate(int target) {
        checkTarget(target, 1, "migrate");
        long started = System.nanoTime();
        RestartCheck.Outcome restart = RestartCheck.run(settings.dataSource(), settings.connectTimeout(), provider, histories, settings.schema());
        if (restart.reaches(target)) {
            int version = restart.proven().getAsInt();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            LOG.debug("{} history proves version {} on schema {}: nothing to apply, engine not started ({} ms)", provider.id(), version,
                    settings.schema(), elapsed.toMillis());
            return new MigrationReport(provider.id(), version, version, List.of(), elapsed, List.of());
        }
        return locked("migrate", restart.connection(), !restart.historyProves(), (connection, facts, retry) -> {
            if (!facts.schemaExists()) {
                createSchemaIfMissing(connection);
            }
            EngineSwitch engineSwitch = facts.anyOtherHistory() ? engineSwitch(connection) : EngineSwitch.none(provider, connection, settings.schema());
            engineSwitch.requireReaches(target);
            // without chatbot tables there is nothing to adopt, and no history can prove them there: the engine builds them
            List<String> adopted = facts.anyChatbotTable() ? SchemaAdoption.reconcile(connection, settings.schema(), target, adoption) : List.of();
            adopted.forEach(note -> LOG.info("Adoption: {}", note));
            OptionalInt verified = facts.anyChatbotTable() && (adopted.isEmpty() || retry.recoveries() > 0)
                    ? provider.verifiedVersion(connection, settings.schema()) : OptionalInt.empty();
            verified.ifPresent(retry::proved);
            if (verified.isPresent() && verified.getAsInt() >= target) {
                LOG.debug("{} history proves version {}: nothing to apply, engine not started", provider.id(), verified.getAsInt());
                engineSwitch.complete(verified.getAsInt());
                return new MigrationReport(provider.id(), verified.getAsInt(), verified.getAsInt(), List.of(), Duration.ZERO, List.of());
            }
            MigrationReport report = withEngine(connection, engine -> engine.migrate(target)).withAdoptionFirst(adopted);
            engineSwitch.complete(report.versionAfter());
            return report;
        });
    }

    /** What {@link #migrate()} would do; changes nothing. */
    public MigrationPlan plan() {
        return plan(ChatbotSchema.LATEST_VERSION);
    }

    /**
     * What {@link #migrate(int)} would do from the database as it is: adoption's steps (planned by the same code that
     * runs them, in a read-only transaction, without the lock) and the versions the engine would apply: those above
     * what its history proves, read with plain SQL ({@link MigrationEngineProvider#verifiedVersion}; all of them when it
     * proves none). Changes nothing: the engine is not opened.
     */
    public MigrationPlan plan(int target) {
        checkTarget(target, 1, "plan");
        SchemaAdoption.Plan steps;
        int verified;
        boolean historyRead;
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction read only");
                steps = SchemaAdoption.plan(connection, settings.schema(), target, adoption);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            OptionalInt proven = provider.verifiedVersion(connection, settings.schema());
            verified = proven.orElse(0);
            historyRead = proven.isPresent() || provider.capabilities().contains(Capability.UP_TO_DATE_CHECK);
        } catch (SQLException e) {
            throw new StepFailedException("plan with " + provider.id() + " failed: " + Secrets.redact(e.getMessage()), e);
        }
        // the engine is not opened: some engines create their history table when they start
        List<Integer> versions = java.util.stream.IntStream.rangeClosed(verified + 1, target).boxed().toList();
        return new MigrationPlan(provider.id(), settings.schema(), target, steps.steps(), steps.conflicts(), steps.refusedSettings(),
                steps.extras(), steps.conversions(), versions, historyRead);
    }

    /**
     * Undoes every version above {@code target}, refusing when that would destroy rows unless
     * {@code allowDataLoss}.
     */
    public MigrationReport downgrade(int target, boolean allowDataLoss) {
        checkTarget(target, 0, "downgrade");
        return locked("downgrade", null, true, (connection, facts, retry) -> {
            engineSwitch(connection).requireSoleHistory();
            return withEngine(connection, engine -> {
                int current = engine.status().currentVersion();
                if (!allowDataLoss && target < current) {
                    DataLossGuard.check(connection, settings.schema(), current, target);
                }
                return engine.downgrade(target);
            });
        });
    }

    /** The engine's view of which versions are applied and pending. */
    public StatusReport status() {
        return locked("status", null, false, (connection, facts, retry) -> engineSwitch(connection).explain(withEngine(connection, MigrationEngine::status)));
    }

    /** The engine's check of its history against its scripts. */
    public ValidationReport validate() {
        return locked("validate", null, true, (connection, facts, retry) -> withEngine(connection, MigrationEngine::validate));
    }

    /** Work done while the lock is held, on a connection of its own (not the lock's). */
    private interface LockedWork<T> {
        T run(Connection connection, LockedFacts facts, OnlineRetry retry) throws SQLException;
    }

    /** Which other engines' histories track the schema, read under the lock; see {@link EngineSwitch}. */
    private EngineSwitch engineSwitch(Connection connection) throws SQLException {
        return EngineSwitch.detect(provider, histories, connection, settings.schema());
    }

    /**
     * Opens the engine only once the lock is held and existing tables are adopted, so a refusal leaves no trace; its
     * first connection is the work connection ({@link HandedOverConnection}).
     */
    private <T> T withEngine(Connection work, Function<MigrationEngine, T> operation) {
        try (MigrationEngine engine = provider.open(online.withDataSource(new HandedOverConnection(online.dataSource(), work)))) {
            return operation.apply(engine);
        }
    }

    /**
     * Runs {@code work} on a connection of its own while the lock is held on another: the lock's connection stays
     * inside the transaction that holds it (see {@link AdvisoryLock}), so DDL must not run there. The two
     * connections open in parallel; the lock's is {@code handed} when the restart check left one open. When
     * {@code engineExpected}, the engine warms up meanwhile. A DDL statement that gives up waiting for its lock,
     * or a lost connection, runs the whole of it again ({@link OnlineRetry}), on new connections.
     */
    private <T> T locked(String operation, Connection handed, boolean engineExpected, LockedWork<T> work) {
        long started = System.nanoTime();
        OnlineRetry retry = new OnlineRetry(operation + " with " + provider.id(), online);
        if (engineExpected) {
            EngineWarmUp.start(provider);
        }
        Connection[] firstLockConnection = {handed};
        T result;
        try {
            result = retry.run(() -> {
                Connection lockConnection = firstLockConnection[0];
                firstLockConnection[0] = null;
                return lockedOnce(operation, lockConnection, work, retry);
            });
        } finally {
            if (firstLockConnection[0] != null) {
                RestartCheck.close(firstLockConnection[0]);
            }
        }
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

    private <T> T lockedOnce(String operation, Connection handed, LockedWork<T> work, OnlineRetry retry) {
        ConnectionPair pair = ConnectionPair.open(handed, () -> ConnectionRetry.open(settings.dataSource(), settings.connectTimeout()), this::open);
        try (pair) {
            DirectSession direct = new DirectSession(settings.dataSource(), settings.connectTimeout());
            try (AdvisoryLock lock = lock(pair, direct)) {
                LockedFacts facts = LockedFacts.read(pair.work(), settings.schema(), histories.otherRecordingTables(provider));
                direct.requireOwn(pair.work(), facts.backendPid(), pair.work());
                return work.run(pair.work(), facts, retry);
            }
        } catch (MigrationException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw new StepFailedException(operation + " with " + provider.id() + " failed: " + Secrets.redact(e.getMessage()), e);
        }
    }

    /**
     * Takes the lock, proving the lock's session direct ({@link DirectSession}) from the first attempt's answer,
     * before any wait. When its login cannot tell (Neon's proxy), the attempt is rolled back first: behind a pooler
     * its open transaction would hold the server session the long proof may need.
     */
    private AdvisoryLock lock(ConnectionPair pair, DirectSession direct) throws SQLException {
        try {
            return AdvisoryLock.acquire(pair.lock(), settings.schema(), settings.lockTimeout(), servedBy -> {
                if (!isOwn(direct, pair.lock(), servedBy)) {
                    throw new UnprovenSession(servedBy);
                }
            });
        } catch (UnprovenSession unproven) {
            pair.lock().rollback();
            pair.lock().setAutoCommit(true);
            direct.requireOwn(pair.lock(), unproven.servedBy, pair.work());
            return AdvisoryLock.acquire(pair.lock(), settings.schema(), settings.lockTimeout());
        }
    }

    private static boolean isOwn(DirectSession direct, Connection connection, int servedBy) {
        try {
            return direct.isOwn(connection, servedBy);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The lock's first attempt was answered by a session its login does not prove. */
    private static final class UnprovenSession extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int servedBy;

        UnprovenSession(int servedBy) {
            super(null, null, false, false);
            this.servedBy = servedBy;
        }
    }

    /** A connection from the settings' data source, retried while the database wakes up, for tools that read the schema. */
    public Connection connect() {
        return open();
    }

    private Connection open() {
        return ConnectionRetry.open(online.dataSource(), settings.connectTimeout());
    }

    private void createSchemaIfMissing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists \"" + settings.schema() + "\"");
        }
    }

    private static void checkTarget(int target, int lowest, String operation) {
        if (target < lowest || target > ChatbotSchema.LATEST_VERSION) {
            String expected = "a version from " + lowest + " to " + ChatbotSchema.LATEST_VERSION;
            throw new InvalidConfigurationException("Cannot " + operation + " to version " + target + ": it does not exist."
                    + " Expected " + expected + ".", "target", expected, Integer.toString(target));
        }
    }
}
