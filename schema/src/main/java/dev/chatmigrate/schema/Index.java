package dev.chatmigrate.schema;

import java.util.List;

/** A plain btree index on {@code columns}, the version that adds it, and how it is built. */
public record Index(String table, String name, List<String> columns, BuildMode buildMode, int version) {

    /** How an index is built and dropped. */
    public enum BuildMode {
        /** {@code create index} inside the version's transaction: the table is locked against writes briefly. */
        IN_TRANSACTION,
        /** {@code create index concurrently}, outside any transaction: writers are never blocked. */
        CONCURRENTLY
    }

    public Index {
        columns = List.copyOf(columns);
    }

    /** The index as {@code pg_get_indexdef} prints its method and columns, such as {@code btree (user_id)}. */
    public String definition() {
        return "btree (" + String.join(", ", columns) + ")";
    }
}
