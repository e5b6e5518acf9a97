package dev.chatmigrate.verifier;

import java.util.List;

/**
 * An index that no constraint owns: {@code definition} is the part of {@code pg_get_indexdef} after
 * {@code USING}, such as {@code btree (user_id)}; {@code valid} is false after an interrupted
 * {@code CREATE INDEX CONCURRENTLY}, and on a partitioned table while a partition has no index attached to it;
 * {@code partitionsWithout} names those partitions (empty on a plain table).
 */
public record IndexShape(String definition, boolean valid, List<String> partitionsWithout) {

    public IndexShape {
        partitionsWithout = List.copyOf(partitionsWithout);
    }

    /** An index of a plain table, or one attached on every partition. */
    public IndexShape(String definition, boolean valid) {
        this(definition, valid, List.of());
    }

    @Override
    public String toString() {
        return (valid ? "" : "INVALID ") + definition + (partitionsWithout.isEmpty() ? ""
                : ", missing on partition" + (partitionsWithout.size() == 1 ? " " : "s ") + String.join(", ", partitionsWithout));
    }
}
