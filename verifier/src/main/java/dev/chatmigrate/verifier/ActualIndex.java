package dev.chatmigrate.verifier;

import java.util.List;

/**
 * An index as {@code pg_catalog} describes it.
 *
 * @param valid             false after an interrupted {@code CREATE INDEX CONCURRENTLY}
 * @param plain             a btree over plain columns with their default operator classes, not unique, not partial
 * @param constraintBacked  the index of a primary key or unique constraint
 * @param definition        the part of {@code pg_get_indexdef} after {@code USING}, such as {@code btree (user_id)}
 */
public record ActualIndex(String table, String name, List<String> columns, boolean valid, boolean plain, boolean constraintBacked,
                          String definition) {

    public ActualIndex {
        columns = List.copyOf(columns);
    }
}
