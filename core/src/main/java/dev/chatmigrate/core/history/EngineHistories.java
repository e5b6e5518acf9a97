package dev.chatmigrate.core.history;

import dev.chatmigrate.spi.EarlierHistory;
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
import java.util.stream.Stream;

/**
 * The history tables of every engine chatmigrate knows, and which of them hold a live history in a schema.
 *
 * <p>Only providers name their tables ({@link MigrationEngineProvider#historyTables()}, names of chatmigrate's own) and
 * where earlier releases kept them ({@link MigrationEngineProvider#earlierHistory()}, the engines' default names): the
 * engines on the class path (the {@code jdbc} baseline among them) and the one the runner was given. A table under a
 * default name is never taken for chatmigrate's history unless {@link HistoryCarryOver} recognised it and carried it
 * over to chatmigrate's name.
 */
public final class EngineHistories {

    /** One engine's history in a schema: the tables of it that exist. */
    public record History(String engineId, List<String> tables) {
    }

    private final Map<String, List<String>> tablesByEngine;
    private final Map<String, EarlierHistory> earlierByEngine;

    private EngineHistories(Map<String, List<String>> tablesByEngine, Map<String, EarlierHistory> earlierByEngine) {
        this.tablesByEngine = tablesByEngine;
        this.earlierByEngine = earlierByEngine;
    }

    /** The tables {@code providers} declare, by engine id. */
    public static EngineHistories of(Collection<MigrationEngineProvider> providers) {
        Map<String, List<String>> tables = new TreeMap<>();
        Map<String, EarlierHistory> earlier = new TreeMap<>();
        for (MigrationEngineProvider provider : providers) {
            if (!provider.historyTables().isEmpty()) {
                tables.put(provider.id(), List.copyOf(provider.historyTables()));
                provider.earlierHistory().ifPresent(history -> earlier.put(provider.id(), history));
            }
        }
        return new EngineHistories(tables, earlier);
    }

    /**
     * Carries every engine's history that an earlier release kept under the engine's default name over to chatmigrate's
     * name, where it is recognised as chatmigrate's ({@link HistoryCarryOver}). One round trip when no such table
     * exists.
     */
    void carryOver(Connection connection, String schema) throws SQLException {
        if (earlierByEngine.isEmpty()) {
            return;
        }
        List<String> names = earlierByEngine.entrySet().stream()
                .flatMap(entry -> Stream.concat(entry.getValue().tables().stream(), tablesByEngine.get(entry.getKey()).stream())).toList();
        Set<String> existing = existing(connection, schema, names);
        for (Map.Entry<String, EarlierHistory> entry : earlierByEngine.entrySet()) {
            HistoryCarryOver.run(connection, schema, entry.getKey(), entry.getValue(), tablesByEngine.get(entry.getKey()), existing);
        }
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

    /** Whether {@code engine}'s own history in {@code schema} records anything. */
    boolean isLive(MigrationEngineProvider engine, Connection connection, String schema) throws SQLException {
        List<String> own = tablesByEngine.getOrDefault(engine.id(), engine.historyTables());
        return !own.isEmpty() && SchemaTables.exists(connection, schema, own.get(0)) && hasRows(connection, schema, own.get(0));
    }

    /**
     * The tables whose presence makes the runner look at the histories under its lock ({@code LockedFacts}): the
     * recording table of every engine other than {@code engine}, and every table under a name earlier releases used
     * (which may hold a history to carry over). While none of them exists, there is nothing to carry over and no other
     * engine tracks the schema.
     */
    public List<String> otherRecordingTables(MigrationEngineProvider engine) {
        List<String> tables = new ArrayList<>(otherCurrentRecordingTables(engine));
        earlierByEngine.values().forEach(earlier -> tables.add(earlier.tables().get(0)));
        return List.copyOf(tables);
    }

    /**
     * The table that records versions of every engine other than {@code engine}, under chatmigrate's names: while none of
     * them exists, no other engine tracks the schema (see {@link RestartCheck}). An application's own history under an
     * engine's default name does not count.
     */
    List<String> otherCurrentRecordingTables(MigrationEngineProvider engine) {
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
