package dev.chatmigrate.example;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.MigrationConfiguration;
import dev.chatmigrate.core.Setting;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.Secrets;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service does with its schema before it serves: migrate with the configured engine (or,
 * when {@code CHATMIGRATE_ENABLED=false}, ask that engine which version is applied), refuse a schema
 * too old for its queries, and log any drift from the canonical schema.
 */
final class SchemaStartup {

    /** The first version with both chatbot tables; the service's queries need nothing newer. */
    static final int MINIMUM_VERSION = 2;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaStartup.class);

    private SchemaStartup() {
    }

    /**
     * Migrates (when enabled) and returns the schema version the service will run on.
     *
     * @throws SchemaNotReadyException when that version is below {@link #MINIMUM_VERSION}
     */
    static int prepare(MigrationConfiguration configuration, Chatmigrate chatmigrate) {
        MigrationSettings settings = chatmigrate.settings();
        boolean enabled = chatmigrate.enabled();
        int version;
        if (enabled) {
            MigrationReport report = chatmigrate.migrate();
            LOG.info(describe(report, settings.schema()));
            version = report.versionAfter();
        } else {
            version = chatmigrate.status().currentVersion();
            LOG.info("Migrations are disabled ({}=false from {}); {} reports schema {} at version {}", Setting.ENABLED.environmentVariable(),
                    configuration.source(Setting.ENABLED), settings.engineId(), settings.schema(), version);
        }
        if (version < MINIMUM_VERSION) {
            throw new SchemaNotReadyException("Schema " + settings.schema() + " is at version " + version + " (" + settings.engineId()
                    + "), but the chatbot needs version " + MINIMUM_VERSION + " or later (tables conversations and messages). "
                    + (enabled ? "Leave CHATMIGRATE_TARGET unset for the latest version, or set it to " + MINIMUM_VERSION + " or more."
                    : "Migrations are disabled (CHATMIGRATE_ENABLED=false): run 'chatmigrate migrate' against this database first,"
                    + " or enable them."));
        }
        return version;
    }

    /** One line: what the migration did, with its timing and any adoption. */
    private static String describe(MigrationReport report, String schema) {
        String line = report.steps().isEmpty()
                ? String.format("%s: schema %s is at version %d, nothing to apply (%d ms)", report.engineId(), schema, report.versionAfter(),
                        report.duration().toMillis())
                : String.format("%s: schema %s migrated from version %d to %d in %d ms (applied %s)", report.engineId(), schema,
                        report.versionBefore(), report.versionAfter(), report.duration().toMillis(),
                        report.steps().stream().map(step -> Integer.toString(step.version())).collect(Collectors.joining(", ")));
        return report.adoption().isEmpty() ? line : line + "; adopted: " + String.join("; ", report.adoption());
    }

    /**
     * Compares the tables with the canonical schema at {@code version} and logs the result: a warning
     * with every difference, never a refusal, since an extra index a DBA added should not stop the chatbot.
     */
    static void reportDrift(DataSource pool, String schema, int version) {
        try (Connection connection = pool.getConnection()) {
            DriftReport drift = SchemaVerifier.verify(connection, schema, version);
            if (drift.isClean()) {
                LOG.info("Verified: {}", drift);
            } else {
                LOG.warn("{}{}Run 'chatmigrate verify' for details and 'chatmigrate migrate' to reconcile.", drift, System.lineSeparator());
            }
        } catch (SQLException e) {
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "Cannot read the catalog of schema " + schema + " to verify it: " + Secrets.redact(e.getMessage()), e);
        }
    }
}
