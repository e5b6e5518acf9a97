package dev.chatmigrate.verifier;

import java.util.List;

/**
 * An index as {@code pg_catalog} describes it.
 *
 * @param valid             false after an interrupted {@code CREATE INDEX CONCURRENTLY}
 * @param plain             a btree over plain columns with their default operator classes, not unique, not partial
 * @param constraintBacked  the index of a primary key or unique constraint
 * @param definition        the part of {@code pg_get_indexdef} after {@code USING}, such as {@code btree (user_id)}
 * @param partitionsWithout on a partitioned table, its partitions that have no index attached to this one, by name
 * @param parent            for an index of a partition, the partitioned index it is attached to; {@code null} when none
 */
public record ActualIndex(String table, String name, List<String> columns, boolean valid, boolean plain, boolean constraintBacked,
                          String definition, List<String> partitionsWithout, String parent) {

    public ActualIndex {
        columns = List.copyOf(columns);
        partitionsWithout = List.copyOf(partitionsWithout);
    }

    /** Whether this index of a partition is attached to a partitioned index. */
    public boolean attached() {
        return parent != null;
    }
}
