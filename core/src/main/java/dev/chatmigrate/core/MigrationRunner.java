package dev.chatmigrate.core;

import dev.chatmigrate.core.access.Preflight;
import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.core.adoption.SchemaAdoption;
import dev.chatmigrate.core.history.DataLossGuard;
import dev.chatmigrate.core.history.EngineSwitch;
import dev.chatmigrate.core.history.RestartCheck;
import dev.chatmigrate.core.replica.ConnectedHost;
import dev.chatmigrate.core.replica.ReplicaWait;
import dev.chatmigrate.core.replica.ServerAddress;
import dev.chatmigrate.core.replica.Standbys;
import dev.chatmigrate.core.session.ConnectionPools;
import dev.chatmigrate.core.session.ConnectionRetry;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.Secrets;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.spi.StepFailedException;
import dev.chatmigrate.spi.ValidationReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
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
    private final MigrationEngineProvider provider;
    private final AdoptionOptions adoption;
    private final Duration replicaWait;
    private final LockedOperations locked;

    public MigrationRunner(MigrationSettings settings, MigrationEngineProvider provider) {
        this(settings, provider, AdoptionOptions.DEFAULT);
    }

    /** A runner whose adoption may convert what {@code adoption} asks for. */
    public MigrationRunner(MigrationSettings settings, MigrationEngineProvider provider, AdoptionOptions adoption) {
        this(settings, provider, adoption, ReplicaWait.DEFAULT);
    }

    /**
     * A runner whose adoption may convert what {@code adoption} asks for, and whose migrate waits at most {@code replicaWait}
     * for every streaming standby to replay its changes ({@link ReplicaWait}; zero: not at all).
     */
    public MigrationRunner(MigrationSettings settings, MigrationEngineProvider provider, AdoptionOptions adoption, Duration replicaWait) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.adoption = Objects.requireNonNull(adoption, "adoption");
        this.replicaWait = ReplicaWait.require(Objects.requireNonNull(replicaWait, "replicaWait"));
        ConnectionPools.requireCapacity(settings.dataSource());
        this.locked = new LockedOperations(settings, provider);
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
     * ({@link RestartCheck}); anything else goes the full way, on that connection. A migration that changed something
     * returns once every streaming standby has replayed it ({@link ReplicaWait}). The report names the server it ran on.
     */
    public MigrationReport migrate(int target) {
        return migrate(target, false);
    }

    /**
     * {@link #migrate(int)}, and when {@code switchEngine}, takes over a schema that another engine's history tracks,
     * retiring that history: an engine switch is a deliberate act. Without it, such a schema is left to the engine that
     * tracks it (nothing changes when its tables are at {@code target} or later; refused below). See docs/design.md,
     * "Switching engines".
     */
    public MigrationReport migrate(int target, boolean switchEngine) {
        TargetVersion.require(target, 1, "migrate");
        long started = System.nanoTime();
        ConnectedHost connected = new ConnectedHost(settings.dataSource());
        RestartCheck.Outcome restart = RestartCheck.run(connected, settings.connectTimeout(), provider, locked.histories(), settings.schema());
        if (restart.reaches(target)) {
            int version = restart.proven().getAsInt();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            LOG.debug("{} history proves version {} on schema {}: nothing to apply, engine not started ({} ms)", provider.id(), version,
                    settings.schema(), elapsed.toMillis());
            return new MigrationReport(provider.id(), version, version, List.of(), elapsed, List.of()).withHost(connected.host());
        }
        return locked.run("migrate", restart.connection(), !restart.historyProves(), Preflight.migrate(target), (connection, facts, retry) -> {
            if (!facts.schemaExists()) {
                Sql.createSchemaIfMissing(connection, settings.schema());
            }
            EngineSwitch engineSwitch = facts.anyOtherHistory() ? locked.engineSwitch(connection) : EngineSwitch.none(provider, connection, settings.schema());
            Optional<MigrationReport> tracked = engineSwitch.leftToTracker(target, switchEngine);
            if (tracked.isPresent()) {
                return tracked.get();
            }
            engineSwitch.requireReaches(target);
            // without chatbot tables there is nothing to adopt, and no history can prove them there: the engine builds them
            List<String> adopted = facts.anyChatbotTable() ? SchemaAdoption.reconcile(connection, settings.schema(), target, adoption) : List.of();
            adopted.forEach(note -> LOG.info("Adoption: {}", note));
            OptionalInt verified = facts.anyChatbotTable() && (adopted.isEmpty() || retry.recoveries() > 0)
                    ? provider.verifiedVersion(connection, settings.schema()) : OptionalInt.empty();
            verified.ifPresent(retry::proved);
            if (verified.isPresent() && verified.getAsInt() >= target) {
                LOG.debug("{} history proves version {}: nothing to apply, engine not started", provider.id(), verified.getAsInt());
                return engineSwitch.complete(new MigrationReport(provider.id(), verified.getAsInt(), verified.getAsInt(), List.of(), Duration.ZERO, List.of()))
                        .withHost(ServerAddress.of(connection));
            }
            MigrationReport report = engineSwitch.complete(locked.withEngine(connection, facts, engine -> engine.migrate(target)).withAdoptionFirst(adopted));
            // under the lock: a migrator that waited for it finds the standbys with the new schema
            return ReplicaWait.await(connection, report.withHost(ServerAddress.of(connection)), settings.schema(), facts.standbys(), replicaWait);
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
        TargetVersion.require(target, 1, "plan");
        try (Connection connection = connect()) {
            Preflight.requirePrimary(connection, "plan", settings.schema());
            return MigrationPlanner.plan(connection, provider, settings.schema(), target, adoption);
        } catch (SQLException e) {
            throw new StepFailedException("plan with " + provider.id() + " failed: " + Secrets.redact(e.getMessage()), e);
        }
    }

    /**
     * Undoes every version above {@code target}, refusing when that would destroy rows unless
     * {@code allowDataLoss}.
     */
    public MigrationReport downgrade(int target, boolean allowDataLoss) {
        TargetVersion.require(target, 0, "downgrade");
        return locked.run("downgrade", null, true, Preflight.downgrade(), (connection, facts, retry) -> {
            locked.engineSwitch(connection).requireSoleHistory();
            return locked.withEngine(connection, facts, engine -> {
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
        return locked.run("status", null, false, Preflight.read("status"), (connection, facts, retry) -> {
            StatusReport status = locked.engineSwitch(connection).explain(locked.withEngine(connection, facts, MigrationEngine::status));
            return facts.standbys() == 0 ? status : status.withStandbys(Standbys.againstCurrentPosition(connection));
        });
    }

    /** The engine's check of its history against its scripts. */
    public ValidationReport validate() {
        return locked.run("validate", null, true, Preflight.read("validate"), (connection, facts, retry) -> locked.withEngine(connection, facts, MigrationEngine::validate));
    }

    /** A connection from the settings' data source, retried while the database wakes up, for tools that read the schema. */
    public Connection connect() {
        return ConnectionRetry.open(locked.online().dataSource(), settings.connectTimeout());
    }
}
