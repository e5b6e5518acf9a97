package dev.chatmigrate.core.history;

import dev.chatmigrate.core.history.EngineHistories.History;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.SchemaConflictException;
import dev.chatmigrate.spi.SchemaTables;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.spi.StatusReport;
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
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change of engine on a schema that another engine's history tracks, seen under the runner's lock.
 *
 * <p>After the new engine has migrated, every other live history is retired: its tables (and their
 * indexes and sequences) are renamed {@code <name>_retired_<UTC timestamp>} and commented, so that the
 * audit trail is kept, no engine reads it again, and exactly one history tells the version. The switch is
 * announced in one INFO line. A switch to a version below the one the tables are at is refused before any
 * change, since the new history would then claim a version the schema is not at. See {@code docs/design.md},
 * "Switching engines".
 */
public final class EngineSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSwitch.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final int MAX_IDENTIFIER = 63;

    private final MigrationEngineProvider engine;
    private final Connection connection;
    private final String schema;
    private final List<History> previous;

    private EngineSwitch(MigrationEngineProvider engine, Connection connection, String schema, List<History> previous) {
        this.engine = engine;
        this.connection = connection;
        this.schema = schema;
        this.previous = previous;
    }

    /** The other engines whose history tracks {@code schema}, as {@code engine} is about to run on it. */
    public static EngineSwitch detect(MigrationEngineProvider engine, EngineHistories histories, Connection connection, String schema)
            throws SQLException {
        return new EngineSwitch(engine, connection, schema, histories.othersThan(engine, connection, schema));
    }

    /** No switch: what {@link #detect} finds when no other engine's history table exists (known from the facts read under the lock). */
    public static EngineSwitch none(MigrationEngineProvider engine, Connection connection, String schema) {
        return new EngineSwitch(engine, connection, schema, List.of());
    }

    /** Whether another engine's history tracks the schema. */
    public boolean isSwitch() {
        return !previous.isEmpty();
    }

    /** Refuses, before any change, a switch to {@code target} when the tables are at a later version. */
    public void requireReaches(int target) throws SQLException {
        OptionalInt actual = isSwitch() ? tablesVersion() : OptionalInt.empty();
        if (actual.isPresent() && actual.getAsInt() > target) {
            throw new SchemaConflictException("Cannot switch schema " + schema + " from " + previousIds() + " to " + engine.id()
                    + " at version " + target + ": its tables are at version " + actual.getAsInt() + ", and " + engine.id()
                    + "'s history would claim a version the schema is not at. Nothing was changed.",
                    List.of("version: expected " + target + " or later to switch engines, found tables at version " + actual.getAsInt()
                            + "; migrate to version " + actual.getAsInt() + " or later, or downgrade with " + previousIds() + " first"));
        }
    }

    /** After the engine has brought the schema to {@code version}: retires the other histories and announces the switch. */
    public void complete(int version) throws SQLException {
        if (!isSwitch()) {
            return;
        }
        String stamp = STAMP.format(Clock.systemUTC().instant());
        List<String> retired = new ArrayList<>();
        for (History history : previous) {
            for (String table : history.tables()) {
                retired.add(table + " as " + retire(table, stamp, history.engineId(), version));
            }
        }
        LOG.info("Switched schema {} from {} to {} at version {}: {}'s history is the record now; retired {}",
                schema, previousIds(), engine.id(), version, engine.id(), String.join(", ", retired));
    }

    /** {@code status} with the engine's own history, and what that history cannot say when another engine tracks the schema. */
    public StatusReport explain(StatusReport status) throws SQLException {
        if (!isSwitch()) {
            return status;
        }
        if (!status.applied().isEmpty()) {
            return status.withNote(previousIds() + " also keeps a history of schema " + schema + "; the next migrate with " + engine.id()
                    + " retires it");
        }
        OptionalInt actual = tablesVersion();
        List<String> retired = retiredTables();
        return status.withNote("schema " + schema + " is tracked by " + previousIds() + ", not by " + engine.id() + ": its tables are at "
                + (actual.isPresent() ? "version " + actual.getAsInt() : "no declared version") + "; ask " + previousIds()
                + " for its history, or migrate with " + engine.id() + " to switch to it"
                + (retired.isEmpty() ? "" : " (" + engine.id() + "'s earlier history is kept as " + String.join(", ", retired) + ")"));
    }

    /** Refuses to downgrade with an engine while another engine's history tracks the schema. */
    public void requireSoleHistory() {
        if (isSwitch()) {
            throw new InvalidConfigurationException("Cannot downgrade schema " + schema + " with " + engine.id() + ": " + previousIds()
                    + " keeps a history of it. Downgrade with " + previousIds() + ", or migrate with " + engine.id()
                    + " first to make its history the only one.", "engine", previousIds(), engine.id());
        }
    }

    private String previousIds() {
        return previous.stream().map(History::engineId).collect(Collectors.joining(" and "));
    }

    /** The version whose declared schema the tables match exactly; empty when they match none. */
    private OptionalInt tablesVersion() throws SQLException {
        for (int version = ChatbotSchema.LATEST_VERSION; version >= 0; version--) {
            if (SchemaVerifier.verify(connection, schema, version).isClean()) {
                return OptionalInt.of(version);
            }
        }
        return OptionalInt.empty();
    }

    /** Renames {@code table} with its indexes and sequences in one transaction; returns its new name. */
    private String retire(String table, String stamp, String engineId, int version) throws SQLException {
        String retired = freeName(table, stamp);
        Sql.inTransaction(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                List<String> dependents = dependents(table);
                statement.execute("alter table " + SchemaTables.qualified(schema, table) + " rename to " + retired);
                for (String dependent : dependents) {
                    statement.execute("alter " + dependent.substring(0, dependent.indexOf(' ')) + " "
                            + SchemaTables.qualified(schema, dependent.substring(dependent.indexOf(' ') + 1)) + " rename to "
                            + freeName(dependent.substring(dependent.indexOf(' ') + 1), stamp));
                }
                statement.execute("comment on table " + SchemaTables.qualified(schema, retired) + " is '" + engineId
                        + " history retired by chatmigrate when " + engine.id() + " took over at version " + version + "; no engine reads it'");
            }
            return retired;
        });
        return retired;
    }

    /** {@code index name} and {@code sequence name} of the relations that belong to {@code table}. */
    private List<String> dependents(String table) throws SQLException {
        List<String> dependents = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select case c.relkind when 'S' then 'sequence ' else 'index ' end || c.relname"
                + " from pg_class c where c.oid in (select indexrelid from pg_index where indrelid = to_regclass(?)"
                + " union select objid from pg_depend where refobjid = to_regclass(?) and classid = 'pg_class'::regclass and deptype in ('a', 'i'))"
                + " and c.relkind in ('i', 'S') order by 1")) {
            query.setString(1, SchemaTables.qualified(schema, table));
            query.setString(2, SchemaTables.qualified(schema, table));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    dependents.add(rows.getString(1));
                }
            }
        }
        return dependents;
    }

    /** {@code <name>_retired_<stamp>}, shortened to PostgreSQL's identifier length, numbered when taken. */
    private String freeName(String name, String stamp) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            String suffix = "_retired_" + stamp + (attempt == 1 ? "" : "_" + attempt);
            String candidate = name.substring(0, Math.min(name.length(), MAX_IDENTIFIER - suffix.length())) + suffix;
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
