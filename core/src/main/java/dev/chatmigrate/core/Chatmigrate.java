package dev.chatmigrate.core;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.spi.ValidationReport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an application calls to keep the chatbot schema current, the way it would call Flyway:
 *
 * <pre>{@code
 * Chatmigrate.configure()
 *         .dataSource(dataSource)          // the application's own pool, or .url("postgresql://...")
 *         .engine("liquibase")
 *         .schema("chatbot")
 *         .load()
 *         .migrate();
 * }</pre>
 *
 * {@link ChatmigrateConfiguration#fromEnvironment()} starts from {@code DATABASE_URL}, {@code CHATMIGRATE_*},
 * system properties and {@code chatmigrate.properties} instead. Immutable once loaded; {@code enabled}
 * and {@code target} are honoured here, so callers need not check them: the command, the Spring starter and
 * applications all build through {@link ChatmigrateConfiguration} and call this facade.
 */
public final class Chatmigrate {

    private static final Logger LOG = LoggerFactory.getLogger(Chatmigrate.class);

    private final MigrationRunner runner;
    private final boolean enabled;
    private final int target;
    private final boolean switchEngine;

    Chatmigrate(MigrationRunner runner, boolean enabled, int target, boolean switchEngine) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.enabled = enabled;
        this.target = target;
        this.switchEngine = switchEngine;
    }

    /** A new configuration with the defaults: engine {@code flyway}, schema {@code public}, the latest version. */
    public static ChatmigrateConfiguration configure() {
        return new ChatmigrateConfiguration();
    }

    /** The settings the engine runs with. */
    public MigrationSettings settings() {
        return runner.settings();
    }

    /** Whether {@link #migrate()} migrates, or only checks that the schema is at least at the target. */
    public boolean enabled() {
        return enabled;
    }

    /** The version {@link #migrate()} brings the schema to. */
    public int target() {
        return target;
    }

    /**
     * Adopts existing chatbot tables and applies every pending version up to the target; a schema another engine
     * tracks is taken over only with {@code switch-engine} (else left to it, or refused below the target). When disabled
     * ({@code enabled=false}), changes nothing: checks that the engine's history is at least at the target and returns
     * a report without steps (docs/design.md, "Configuration").
     *
     * @throws MigrationException of kind {@code DISABLED_BEHIND} when disabled and the schema is older than the target
     */
    public MigrationReport migrate() {
        if (!enabled) {
            StatusReport status = status();
            int version = status.trackedBy().isPresent() ? status.tablesVersion().orElse(0) : status.currentVersion();
            if (version < target) {
                throw new MigrationException(MigrationException.Kind.DISABLED_BEHIND, "Migrations are disabled (enabled=false), and schema "
                        + settings().schema() + " is at version " + version + " where version " + target + " is needed; nothing was changed."
                        + " Enable migrations (enabled=true) for one run to reach version " + target + ".");
            }
            LOG.info("Migrations are disabled; schema {} is at version {} ({} needed)", settings().schema(), version, target);
            return new MigrationReport(status.engineId(), version, version, List.of(), Duration.ZERO, List.of(), List.of(), status.trackedBy(), null, List.of());
        }
        return runner.migrate(target, switchEngine);
    }

    /**
     * What {@link #migrate()} would do from the database as it is: adoption's steps with their SQL and locks, the
     * conflicts that would make it refuse, the versions to apply. Changes nothing.
     */
    public MigrationPlan plan() {
        return runner.plan(target);
    }

    /**
     * Undoes every version above {@code version}; refuses to destroy data unless {@code allowDataLoss}. Refused, changing
     * nothing, when disabled ({@code enabled=false}).
     */
    public MigrationReport downgrade(int version, boolean allowDataLoss) {
        if (!enabled) {
            throw new InvalidConfigurationException("Migrations are disabled (enabled=false): downgrade changes nothing while they are;"
                    + " expected enabled=true to downgrade schema " + settings().schema() + ".", Setting.ENABLED.key(), "true", "false");
        }
        return runner.downgrade(version, allowDataLoss);
    }

    /** Which versions the engine has recorded as applied, and which are pending. */
    public StatusReport status() {
        return runner.status();
    }

    /** The engine's check of its history against its scripts. */
    public ValidationReport validate() {
        return runner.validate();
    }

    /**
     * The online conversion of a plain {@code messages} into a partitioned one, with these settings and engine:
     * {@code partitioning().plan(layout)} shows it, {@code partitioning().run(layout)} does it. See {@code docs/partitioning.md}.
     */
    public dev.chatmigrate.core.partition.MessagesPartitioning partitioning() {
        return new dev.chatmigrate.core.partition.MessagesPartitioning(settings(), MigrationEngines.byId(settings().engineId()));
    }

    /** The runner behind this facade, for tools that need its finer controls. */
    public MigrationRunner runner() {
        return runner;
    }

    @Override
    public String toString() {
        return "Chatmigrate[" + settings() + ", enabled " + enabled + ", target " + target + " of " + ChatbotSchema.LATEST_VERSION
                + (switchEngine ? ", switching engines" : "") + "]";
    }
}
