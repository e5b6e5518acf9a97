package dev.chatmigrate.core.history;

import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.SchemaTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The history tables of every engine chatmigrate knows, and which of them hold a live history in a schema.
 *
 * <p>Only providers name their tables ({@link MigrationEngineProvider#historyTables()}): the engines on the class path
 * (the {@code jdbc} baseline among them) and the one the runner was given.
 */
public final class EngineHistories {

    /** One engine's history in a schema: the tables of it that exist. */
    public record History(String engineId, List<String> tables) {
    }

    private final Map<String, List<String>> tablesByEngine;

    private EngineHistories(Map<String, List<String>> tablesByEngine) {
        this.tablesByEngine = tablesByEngine;
    }

    /** The tables {@code providers} declare, by engine id. */
    public static EngineHistories of(Collection<MigrationEngineProvider> providers) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (MigrationEngineProvider provider : providers) {
            if (!provider.historyTables().isEmpty()) {
                tables.put(provider.id(), List.copyOf(provider.historyTables()));
            }
        }
        return new EngineHistories(tables);
    }

    /**
     * The engines other than {@code engine} whose history in {@code schema} records anything: the first of
     * their tables exists and has a row. An empty table claims no version, so it is left alone; a table
     * {@code engine} declares as its own never counts as another engine's. One round trip when there is none.
     */
    public List<History> othersThan(MigrationEngineProvider engine, Connection connection, String schema) throws SQLException {
        Map<String, List<String>> others = others(engine);
        Set<String> existing = existing(connection, schema, others.values().stream().flatMap(List::stream).toList());
        List<History> live = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : others.entrySet()) {
            String recording = entry.getValue().get(0);
            if (existing.contains(recording) && hasRows(connection, schema, recording)) {
                live.add(new History(entry.getKey(), entry.getValue().stream().filter(existing::contains).toList()));
            }
        }
        return live;
    }

    /**
     * The table that records versions of every engine other than {@code engine}: while none of them exists, no
     * other engine tracks the schema (see {@link RestartCheck}).
     */
    public List<String> otherRecordingTables(MigrationEngineProvider engine) {
        return others(engine).values().stream().map(tables -> tables.get(0)).toList();
    }

    private Map<String, List<String>> others(MigrationEngineProvider engine) {
        Set<String> own = Set.copyOf(tablesByEngine.getOrDefault(engine.id(), engine.historyTables()));
        Map<String, List<String>> others = new TreeMap<>();
        tablesByEngine.forEach((id, tables) -> {
            if (!id.equals(engine.id()) && !own.contains(tables.get(0))) {
                others.put(id, tables.stream().filter(table -> !own.contains(table)).toList());
            }
        });
        return others;
    }

    private static Set<String> existing(Connection connection, String schema, List<String> tables) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relkind in ('r', 'p') and c.relname = any (?)")) {
            query.setString(1, schema);
            query.setArray(2, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
        }
        return existing;
    }

    private static boolean hasRows(Connection connection, String schema, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select exists (select 1 from " + SchemaTables.qualified(schema, table) + ")")) {
            return rows.next() && rows.getBoolean(1);
        }
    }
}
