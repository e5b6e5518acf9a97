package dev.chatmigrate.core.adoption;

import dev.chatmigrate.verifier.ActualColumn;
import dev.chatmigrate.verifier.ActualConstraint;
import dev.chatmigrate.verifier.ActualIndex;
import dev.chatmigrate.verifier.Catalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adoption's view of the chatbot tables of one schema: the {@link Catalog} as read in the caller's transaction, which
 * the planners update as if earlier steps had already run ({@link #assume}, {@link #forget}).
 */
final class CatalogSnapshot {

    private final Map<String, Map<String, ActualColumn>> columns = new LinkedHashMap<>();
    private final List<ActualConstraint> constraints = new ArrayList<>();
    private final List<ActualIndex> indexes = new ArrayList<>();
    private final Catalog catalog;

    private CatalogSnapshot(Catalog catalog) {
        this.catalog = catalog;
        for (String table : catalog.tables()) {
            columns.put(table, new LinkedHashMap<>(catalog.columns(table)));
            constraints.addAll(catalog.constraints(table));
            indexes.addAll(catalog.indexes(table));
        }
    }

    static CatalogSnapshot read(Connection connection, String schema) throws SQLException {
        return new CatalogSnapshot(Catalog.read(connection, schema));
    }

    boolean hasTable(String table) {
        return columns.containsKey(table);
    }

    Optional<ActualColumn> column(String table, String name) {
        return Optional.ofNullable(columns.getOrDefault(table, Map.of()).get(name));
    }

    /** The names of the table's columns, in table order. */
    List<String> columnNames(String table) {
        return List.copyOf(columns.getOrDefault(table, Map.of()).keySet());
    }

    List<ActualConstraint> constraints(String table) {
        return constraints.stream().filter(c -> c.table().equals(table)).toList();
    }

    List<ActualIndex> indexes(String table) {
        return indexes.stream().filter(i -> i.table().equals(table)).toList();
    }

    /** The table's partition key as {@code pg_get_partkeydef} prints it; empty for a plain table. */
    Optional<String> partitionKey(String table) {
        return catalog.partitionKey(table);
    }

    /** The partitions of a partitioned table, by name. */
    List<String> partitions(String table) {
        return catalog.partitions(table);
    }

    /** The indexes of a partition of a partitioned chatbot table. */
    List<ActualIndex> partitionIndexes(String partition) {
        return catalog.partitionIndexes(partition);
    }

    /** Plans what follows as if an earlier step had already made the column {@code column}. */
    void assume(String table, String name, ActualColumn column) {
        columns.get(table).put(name, column);
    }

    /** Plans what follows as if an earlier step had already dropped the constraint. */
    void forget(ActualConstraint constraint) {
        constraints.remove(constraint);
    }
}
