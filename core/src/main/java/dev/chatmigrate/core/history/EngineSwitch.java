package dev.chatmigrate.core.history;

import dev.chatmigrate.core.history.EngineHistories.History;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.SchemaConflictException;
import dev.chatmigrate.spi.SchemaTables;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The histories of other chatmigrate engines on a schema, seen under the runner's lock as an engine is about to run.
 *
 * <p>An engine switch is a deliberate act ({@code switch-engine}): without it, an engine that finds the schema tracked
 * by another engine's history changes nothing when the tables are at or past its target (it says who tracks the schema)
 * and is refused below it, so replicas of two engines never take the schema from each other. With it, the new engine
 * migrates and then every other live history is retired: its tables (and their indexes and sequences) are renamed
 * {@code <name>_retired_<UTC timestamp>} and commented, so that the audit trail is kept, no engine reads it again, and
 * exactly one history tells the version; versions the tables already held are reported as recorded, not applied. The
 * switch is announced in one INFO line. A switch to a version below the one the tables are at is refused before any
 * change. Histories that earlier releases kept under the engines' default names are carried over first
 * ({@link HistoryCarryOver}). See {@code docs/design.md}, "Switching engines" and "Shared databases".
 */
public final class EngineSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSwitch.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    /** The setting that asks for a switch, as messages name it. */
    public static final String SETTING = "switch-engine";

    private final MigrationEngineProvider engine;
    private final Connection connection;
    private final String schema;
    private final List<History> previous;
    private final boolean ownLive;
    private OptionalInt tablesBefore = OptionalInt.empty();

    private EngineSwitch(MigrationEngineProvider engine, Connection connection, String schema, List<History> previous, boolean ownLive) {
        this.engine = engine;
        this.connection = connection;
        this.schema = schema;
        this.previous = previous;
        this.ownLive = ownLive;
    }

    /**
     * The other engines whose history tracks {@code schema}, as {@code engine} is about to run on it, once histories kept
     * under the engines' default names by earlier releases are carried over.
     */
    public static EngineSwitch detect(MigrationEngineProvider engine, EngineHistories histories, Connection connection, String schema)
            throws SQLException {
        histories.carryOver(connection, schema);
        List<History> others = histories.othersThan(engine, connection, schema);
        return new EngineSwitch(engine, connection, schema, others, !others.isEmpty() && histories.isLive(engine, connection, schema));
    }

    /** No switch: what {@link #detect} finds when no other engine's history table exists (known from the facts read under the lock). */
    public static EngineSwitch none(MigrationEngineProvider engine, Connection connection, String schema) {
        return new EngineSwitch(engine, connection, schema, List.of(), false);
    }

    /** Whether another engine's history tracks the schema. */
    public boolean isSwitch() {
        return !previous.isEmpty();
    }

    /**
     * Without a deliberate switch, when another engine's history alone tracks the schema: a report that changes nothing
     * when its tables are at {@code target} or later; a refusal naming {@link #SETTING} below it. Empty when the engine
     * may go on: no other history, a switch asked for, or its own history live too.
     */
    public Optional<MigrationReport> leftToTracker(int target, boolean switchEngine) throws SQLException {
        if (!isSwitch() || switchEngine || ownLive) {
            return Optional.empty();
        }
        OptionalInt tables = tablesVersion();
        if (tables.isPresent() && tables.getAsInt() >= target) {
            LOG.info("Schema {} is tracked by {} at version {}: {} changed nothing (to make {} track it, migrate with {} and {}=true)",
                    schema, previousIds(), tables.getAsInt(), engine.id(), engine.id(), engine.id(), SETTING);
            return Optional.of(MigrationReport.trackedBy(engine.id(), previousIds(), tables.getAsInt()));
        }
        throw new InvalidConfigurationException("Schema " + schema + " is tracked by " + previousIds() + ", and its tables are at "
                + (tables.isPresent() ? "version " + tables.getAsInt() : "no declared version") + ", below " + engine.id() + "'s target "
                + target + ". Nothing was changed: an engine switch is a deliberate act. Migrate with " + previousIds()
                + ", or switch the schema to " + engine.id() + " once with " + SETTING + "=true.", SETTING, "true", "false");
    }

    /** Refuses, before any change, a switch to {@code target} when the tables are at a later version. */
    public void requireReaches(int target) throws SQLException {
        tablesBefore = isSwitch() ? tablesVersion() : OptionalInt.empty();
        if (tablesBefore.isPresent() && tablesBefore.getAsInt() > target) {
            int actual = tablesBefore.getAsInt();
            throw new SchemaConflictException("Cannot switch schema " + schema + " from " + previousIds() + " to " + engine.id()
                    + " at version " + target + ": its tables are at version " + actual + ", and " + engine.id()
                    + "'s history would claim a version the schema is not at. Nothing was changed.",
                    List.of("version: expected " + target + " or later to switch engines, found tables at version " + actual
                            + "; migrate to version " + actual + " or later, or downgrade with " + previousIds() + " first"));
        }
    }

    /**
     * After the engine has brought the schema to {@code report}'s version: retires the other histories, announces the
     * switch, and returns the report with the versions the tables already held recorded as present, not applied.
     */
    public MigrationReport complete(MigrationReport report) throws SQLException {
        if (!isSwitch()) {
            return report;
        }
        int version = report.versionAfter();
        String stamp = STAMP.format(Clock.systemUTC().instant());
        List<String> retired = new ArrayList<>();
        for (History history : previous) {
            for (String table : history.tables()) {
                retired.add(table + " as " + retire(table, stamp, history.engineId(), version));
            }
        }
        LOG.info("Switched schema {} from {} to {} at version {}: {}'s history is the record now; retired {}",
                schema, previousIds(), engine.id(), version, engine.id(), String.join(", ", retired));
        return report.withAlreadyPresent(tablesBefore.orElse(0));
    }

    /** {@code status} with the engine's own history, and what that history cannot say when another engine tracks the schema. */
    public StatusReport explain(StatusReport status) throws SQLException {
        if (!isSwitch()) {
            return status;
        }
        if (!status.applied().isEmpty()) {
            return status.withNote(previousIds() + " also keeps a history of schema " + schema + "; the next migrate with " + engine.id()
                    + " and " + SETTING + "=true retires it");
        }
        OptionalInt actual = tablesVersion();
        List<String> retired = retiredTables();
        return status.withTracker(previousIds(), actual).withNote("schema " + schema + " is tracked by " + previousIds() + ", not by "
                + engine.id() + ": its tables are at " + (actual.isPresent() ? "version " + actual.getAsInt() : "no declared version")
                + "; ask " + previousIds() + " for its history, or migrate with " + engine.id() + " and " + SETTING + "=true to switch to it"
                + (retired.isEmpty() ? "" : " (" + engine.id() + "'s earlier history is kept as " + String.join(", ", retired) + ")"));
    }

    /** Refuses to downgrade with an engine while another engine's history tracks the schema. */
    public void requireSoleHistory() {
        if (isSwitch()) {
            throw new InvalidConfigurationException("Cannot downgrade schema " + schema + " with " + engine.id() + ": " + previousIds()
                    + " keeps a history of it. Downgrade with " + previousIds() + ", or migrate with " + engine.id()
                    + " and " + SETTING + "=true first to make its history the only one.", "engine", previousIds(), engine.id());
        }
    }

    private String previousIds() {
        return previous.stream().map(History::engineId).collect(Collectors.joining(" and "));
    }

    /**
     * The highest version whose declared objects the tables match (objects the declaration lacks, such as a DBA's index,
     * do not count; at version 0 nothing chatbot may exist); empty when they match none.
     */
    private OptionalInt tablesVersion() throws SQLException {
        for (int version = ChatbotSchema.LATEST_VERSION; version >= 0; version--) {
            DriftReport drift = SchemaVerifier.verify(connection, schema, version);
            if (version > 0 ? drift.canonicalObjectsMatch() : drift.isClean()) {
                return OptionalInt.of(version);
            }
        }
        return OptionalInt.empty();
    }

    /** Renames {@code table} with its indexes and sequences in one transaction; returns its new name. */
    private String retire(String table, String stamp, String engineId, int version) throws SQLException {
        String retired = freeName(table, stamp);
        Sql.inTransaction(connection, () -> {
            TableRename.rename(connection, schema, table, retired, dependent -> {
                try {
                    return freeName(dependent, stamp);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Statement statement = connection.createStatement()) {
                statement.execute("comment on table " + SchemaTables.qualified(schema, retired) + " is '" + engineId
                        + " history retired by chatmigrate when " + engine.id() + " took over at version " + version + "; no engine reads it'");
            }
            return retired;
        });
        return retired;
    }

    /** {@code <name>_retired_<stamp>}, shortened to PostgreSQL's identifier length, numbered when taken. */
    private String freeName(String name, String stamp) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            String suffix = "_retired_" + stamp + (attempt == 1 ? "" : "_" + attempt);
            String candidate = name.substring(0, Math.min(name.length(), TableRename.MAX_IDENTIFIER - suffix.length())) + suffix;
            if (!SchemaTables.exists(connection, schema, candidate)) {
                return candidate;
            }
        }
    }

    /** This engine's retired tables, newest first. */
    private List<String> retiredTables() throws SQLException {
        List<String> retired = new ArrayList<>();
        for (String table : engine.historyTables()) {
            try (PreparedStatement query = connection.prepareStatement("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = ? and c.relkind = 'r' and c.relname like ? order by c.relname desc limit 1")) {
                query.setString(1, schema);
                query.setString(2, table.replace("_", "\\_") + "\\_retired\\_%");
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        retired.add(rows.getString(1));
                    }
                }
            }
        }
        return retired;
    }
}
