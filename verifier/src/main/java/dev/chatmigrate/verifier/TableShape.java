package dev.chatmigrate.verifier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One table's columns (in table order), constraints (name to {@code pg_get_constraintdef}) and
 * indexes (name to shape).
 */
public record TableShape(Map<String, ColumnShape> columns, Map<String, String> constraints, Map<String, IndexShape> indexes) {

    public TableShape {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        constraints = Collections.unmodifiableMap(new TreeMap<>(constraints));
        indexes = Collections.unmodifiableMap(new TreeMap<>(indexes));
    }
}
