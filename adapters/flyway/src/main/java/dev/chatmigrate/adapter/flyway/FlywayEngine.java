package dev.chatmigrate.adapter.flyway;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.ScriptPlaceholders;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.spi.StepFailedException;
import dev.chatmigrate.spi.ValidationReport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Flyway on one schema. Existing tables without a Flyway history get a baseline at version 0, after
 * which versions 1 to 4 run and, being idempotent, complete what exists (plain {@code baselineOnMigrate}
 * at version 1 would skip creating {@code messages}). Flyway's advisory lock is session-level, because
 * its default transactional lock would deadlock with version 4's {@code CREATE INDEX CONCURRENTLY}.
 */
final class FlywayEngine implements MigrationEngine {

    /** chatmigrate's Flyway history: a name of its own, never Flyway's default {@code flyway_schema_history} (docs/design.md, "Shared databases"). */
    static final String HISTORY_TABLE = "chatmigrate_flyway_history";

    /** What earlier releases named it: Flyway's default, which an application's own Flyway uses. */
    static final String EARLIER_HISTORY_TABLE = "flyway_schema_history";

    /** The description of the baseline chatmigrate records on tables that exist without its history. */
    static final String BASELINE_DESCRIPTION = "chatmigrate adoption of existing tables";

    /** Where the scripts are. */
    static final String LOCATION = "classpath:db/flyway/migrations";

    private final String id;
    private final MigrationSettings settings;
    private final DataSource dataSource;

    FlywayEngine(String id, MigrationSettings settings) {
        this.id = id;
        this.settings = settings;
        this.dataSource = settings.dataSource();
    }

    private Flyway flyway(String target) {
        return configuration()
                .dataSource(FlywayNotices.wrap(dataSource))
                .schemas(settings.schema())
                .defaultSchema(settings.schema())
                .placeholders(ScriptPlaceholders.values(settings))
                .target(target)
                .load();
    }

    /** Everything of the configuration that does not depend on the database. */
    private static FluentConfiguration configuration() {
        FluentConfiguration configuration = Flyway.configure(FlywayEngine.class.getClassLoader());
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription(BASELINE_DESCRIPTION)
                .ignoreMigrationPatterns("*:pending", "*:future")
                .cleanDisabled(true)
                .loggers(FlywayLog.class.getName());
    }

    /** Flyway's start-up without a database: its plugins and configuration, loaded once and dropped. */
    static void warmUp() {
        configuration().load();
    }

    @Override
    public MigrationReport migrate(int targetVersion) {
        long started = System.nanoTime();
        MigrateResult result = call("migrate", () -> migrateAgainAfterAFailedVersion(flyway(Integer.toString(targetVersion))));
        List<AppliedStep> steps = result.migrations.stream()
                .filter(m -> m.version != null && !m.version.isEmpty() && !"0".equals(m.version))
                .map(m -> new AppliedStep(Integer.parseInt(m.version), m.description, Duration.ofMillis(m.executionTime)))
                .toList();
        List<String> adoption = result.migrations.stream().anyMatch(m -> "0".equals(m.version) || "BASELINE".equals(m.type))
                ? List.of("recorded a Flyway baseline at version 0 because schema " + settings.schema()
                        + " already had tables but no " + HISTORY_TABLE + "; versions 1 to " + targetVersion + " then ran idempotently")
                : List.of();
        return new MigrationReport(id, version(result.initialSchemaVersion), Math.max(version(result.initialSchemaVersion),
                version(result.targetSchemaVersion)), steps, Duration.ofNanos(System.nanoTime() - started), adoption);
    }

    @Override
    public MigrationReport downgrade(int targetVersion) {
        long started = System.nanoTime();
        int before = status().currentVersion();
        List<AppliedStep> steps = new FlywayUndo(settings, dataSource).undo(before, targetVersion);
        return new MigrationReport(id, before, status().currentVersion(), steps, Duration.ofNanos(System.nanoTime() - started), List.of());
    }

    @Override
    public StatusReport status() {
        MigrationInfo[] applied = call("status", () -> flyway("latest").info().applied());
        List<Integer> versions = Arrays.stream(applied)
                .filter(m -> m.getVersion() != null && m.getState().isApplied() && !m.getState().isFailed())
                .map(m -> version(m.getVersion()))
                .filter(v -> v > 0)
                .distinct()
                .sorted()
                .toList();
        int current = versions.isEmpty() ? 0 : versions.get(versions.size() - 1);
        List<Integer> pending = IntStream.rangeClosed(1, ChatbotSchema.LATEST_VERSION)
                .filter(v -> !versions.contains(v)).boxed().toList();
        return new StatusReport(id, current, versions, pending);
    }

    @Override
    public ValidationReport validate() {
        ValidateResult result = call("validate", () -> flyway("latest").validateWithResult());
        if (result.validationSuccessful) {
            return ValidationReport.valid(id);
        }
        Set<Integer> revised = firstReleases();
        return new ValidationReport(id, result.invalidMigrations.stream()
                .filter(m -> m.version == null || !revised.contains(version(m.version)))
                .map(m -> "version " + m.version + " (" + m.description + "): " + m.errorDetails.errorMessage)
                .toList());
    }

    /**
     * Migrates; when Flyway refuses because it recorded a failed version ({@link FailedVersions}) or the first release
     * of a script revised since ({@link RevisedScripts}), repairs exactly that and migrates again.
     */
    private MigrateResult migrateAgainAfterAFailedVersion(Flyway flyway) {
        try {
            return flyway.migrate();
        } catch (FlywayValidateException e) {
            try {
                if (FailedVersions.remove(dataSource, settings.schema()) + RevisedScripts.realign(dataSource, settings.schema()) == 0) {
                    throw e;
                }
            } catch (SQLException repair) {
                e.addSuppressed(repair);
                throw e;
            }
            return flyway.migrate();
        }
    }

    private Set<Integer> firstReleases() {
        try {
            return RevisedScripts.recordedFirstReleases(dataSource, settings.schema());
        } catch (SQLException e) {
            throw new StepFailedException("Flyway validate cannot read " + HISTORY_TABLE + " on schema " + settings.schema() + ": " + e.getMessage(), e);
        }
    }

    private <T> T call(String operation, Supplier<T> flywayCall) {
        try {
            return flywayCall.get();
        } catch (FlywayException e) {
            throw new StepFailedException("Flyway " + operation + " failed on schema " + settings.schema() + ": " + oneParagraph(e), e);
        }
    }

    /**
     * PostgreSQL's own message when a statement failed, else Flyway's first line: Flyway's dump ({@code SQL State},
     * {@code Error Code}, {@code Location}, {@code Statement} lines) is for {@code --verbose}, which prints the exception.
     */
    private static String oneParagraph(FlywayException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getMessage() != null) {
                return sql.getMessage().replaceAll("\\s+", " ").strip() + " (SQLState " + sql.getSQLState() + ")";
            }
        }
        String message = String.valueOf(e.getMessage());
        return message.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.matches("-+")
                && !line.matches("(SQL State|Error Code|Location|Line|Statement|Message)\\s*:.*")).reduce((a, b) -> a + " " + b).orElse(message);
    }

    private static int version(String version) {
        return version == null || version.isEmpty() ? 0 : Integer.parseInt(version);
    }

    private static int version(MigrationVersion version) {
        return version(version.getVersion());
    }

    @Override
    public void close() {
        // the data source is the caller's, and Flyway closes the connections it took
    }
}
