package dev.chatmigrate.verifier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One table's columns (in table order), constraints (name to {@code pg_get_constraintdef}), indexes (name to shape)
 * and partition key ({@code pg_get_partkeydef}, such as {@code RANGE (created_at)}; empty for a plain table).
 */
public record TableShape(Map<String, ColumnShape> columns, Map<String, String> constraints, Map<String, IndexShape> indexes,
                         String partitionKey) {

    public TableShape {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        constraints = Collections.unmodifiableMap(new TreeMap<>(constraints));
        indexes = Collections.unmodifiableMap(new TreeMap<>(indexes));
        partitionKey = partitionKey == null ? "" : partitionKey;
    }

    /** A plain table. */
    public TableShape(Map<String, ColumnShape> columns, Map<String, String> constraints, Map<String, IndexShape> indexes) {
        this(columns, constraints, indexes, "");
    }

    public boolean partitioned() {
        return !partitionKey.isEmpty();
    }
}
