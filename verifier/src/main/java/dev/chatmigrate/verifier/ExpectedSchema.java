package dev.chatmigrate.verifier;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Column;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.schema.Index;
import dev.chatmigrate.schema.Partitioning;
import dev.chatmigrate.schema.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The canonical chatbot schema at each version as PostgreSQL prints it back, derived from {@link ChatbotSchema}. */
public final class ExpectedSchema {

    private ExpectedSchema() {
    }

    /** The tables expected at {@code version} (0 to {@link ChatbotSchema#LATEST_VERSION}), by name, every one plain. */
    public static Map<String, TableShape> atVersion(int version) {
        if (version < 0 || version > ChatbotSchema.LATEST_VERSION) {
            throw new IllegalArgumentException("The chatbot schema has versions 0 to " + ChatbotSchema.LATEST_VERSION + ", not " + version);
        }
        Map<String, TableShape> tables = new LinkedHashMap<>();
        for (Table table : ChatbotSchema.tablesAt(version)) {
            tables.put(table.name(), shape(table.name(), version, ChatbotSchema.constraintsAt(table.name(), version), ""));
        }
        return Collections.unmodifiableMap(tables);
    }

    /**
     * {@code table} at {@code version} partitioned as {@code partitioning} says: the partitioned primary key, every
     * canonical index attached on every partition ({@link Partitioning}).
     */
    public static TableShape partitioned(String table, int version, Partitioning partitioning) {
        return shape(table, version, ChatbotSchema.constraintsAt(table, version, partitioning), partitioning.definition());
    }

    private static TableShape shape(String table, int version, List<Constraint> constraintList, String partitionKey) {
        Map<String, ColumnShape> columns = new LinkedHashMap<>();
        for (Column column : ChatbotSchema.columnsAt(table, version)) {
            columns.put(column.name(), new ColumnShape(column.type(), column.notNull(), column.defaultValue()));
        }
        Map<String, String> constraints = new LinkedHashMap<>();
        for (Constraint constraint : constraintList) {
            constraints.put(constraint.name(), constraint.definition());
        }
        Map<String, IndexShape> indexes = new LinkedHashMap<>();
        for (Index index : ChatbotSchema.indexesAt(table, version)) {
            indexes.put(index.name(), new IndexShape(index.definition(), true));
        }
        return new TableShape(columns, constraints, indexes, partitionKey);
    }
}
