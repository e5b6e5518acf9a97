package dev.chatmigrate.verifier;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Column;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.schema.Index;
import dev.chatmigrate.schema.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The canonical chatbot schema at each version as PostgreSQL prints it back, derived from {@link ChatbotSchema}. */
public final class ExpectedSchema {

    private ExpectedSchema() {
    }

    /** The tables expected at {@code version} (0 to {@link ChatbotSchema#LATEST_VERSION}), by name. */
    public static Map<String, TableShape> atVersion(int version) {
        if (version < 0 || version > ChatbotSchema.LATEST_VERSION) {
            throw new IllegalArgumentException("The chatbot schema has versions 0 to " + ChatbotSchema.LATEST_VERSION + ", not " + version);
        }
        Map<String, TableShape> tables = new LinkedHashMap<>();
        for (Table table : ChatbotSchema.tablesAt(version)) {
            Map<String, ColumnShape> columns = new LinkedHashMap<>();
            for (Column column : ChatbotSchema.columnsAt(table.name(), version)) {
                columns.put(column.name(), new ColumnShape(column.type(), column.notNull(), column.defaultValue()));
            }
            Map<String, String> constraints = new LinkedHashMap<>();
            for (Constraint constraint : ChatbotSchema.constraintsAt(table.name(), version)) {
                constraints.put(constraint.name(), constraint.definition());
            }
            Map<String, IndexShape> indexes = new LinkedHashMap<>();
            for (Index index : ChatbotSchema.indexesAt(table.name(), version)) {
                indexes.put(index.name(), new IndexShape(index.definition(), true));
            }
            tables.put(table.name(), new TableShape(columns, constraints, indexes));
        }
        return Collections.unmodifiableMap(tables);
    }
}
