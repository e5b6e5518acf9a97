package dev.chatmigrate.verifier;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chatbot tables of one schema as verification compares them, read with {@link Catalog}: columns, constraints as
 * {@code pg_get_constraintdef} prints them ({@code NOT VALID} included), the indexes no constraint owns (on a
 * partitioned table with the partitions that lack them) and the partition key.
 */
public final class ActualSchema {

    private ActualSchema() {
    }

    /** The chatbot tables that exist in {@code schema}, by name. */
    public static Map<String, TableShape> read(Connection connection, String schema) throws SQLException {
        Catalog catalog = Catalog.read(connection, schema);
        Map<String, TableShape> tables = new TreeMap<>();
        for (String table : catalog.tables()) {
            Map<String, ColumnShape> columns = new LinkedHashMap<>();
            catalog.columns(table).forEach((name, column) -> columns.put(name, new ColumnShape(column.type(), column.notNull(), column.defaultValue())));
            Map<String, String> constraints = new TreeMap<>();
            catalog.constraints(table).forEach(constraint -> constraints.put(constraint.name(), constraint.printed()));
            Map<String, IndexShape> indexes = new TreeMap<>();
            catalog.indexes(table).stream().filter(index -> !index.constraintBacked())
                    .forEach(index -> indexes.put(index.name(), new IndexShape(index.definition(), index.valid(), index.partitionsWithout())));
            tables.put(table, new TableShape(columns, constraints, indexes, catalog.partitionKey(table).orElse("")));
        }
        return tables;
    }

    /** A deterministic text of the chatbot tables, for comparing what two engines built, byte for byte. */
    public static String describe(Connection connection, String schema) throws SQLException {
        StringBuilder text = new StringBuilder();
        read(connection, schema).forEach((table, shape) -> {
            text.append("table ").append(table).append(shape.partitioned() ? " partitioned by " + shape.partitionKey() : "").append('\n');
            shape.columns().forEach((name, column) -> text.append("  column ").append(name).append(' ').append(column).append('\n'));
            shape.constraints().forEach((name, definition) -> text.append("  constraint ").append(name).append(' ').append(definition).append('\n'));
            shape.indexes().forEach((name, index) -> text.append("  index ").append(name).append(' ').append(index).append('\n'));
        });
        return text.toString();
    }
}
