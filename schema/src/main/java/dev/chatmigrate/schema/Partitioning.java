package dev.chatmigrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A canonical way to partition a table: its method and key, as {@code pg_get_partkeydef} prints them. On a table
 * partitioned so, every canonical object keeps its name and definition on the parent, except the primary key, which
 * PostgreSQL requires to include the partition key ({@link #primaryKey}); each canonical index is a partitioned index,
 * valid, with an attached index on every partition (whose name is free). See {@code docs/design.md}, "Partitioned
 * messages".
 */
public record Partitioning(String table, Method method, String key) {

    /** The partitioning methods the schema declares, as {@code pg_get_partkeydef} spells them. */
    public enum Method {
        RANGE, HASH
    }

    /** As {@code pg_get_partkeydef} prints it, such as {@code RANGE (created_at)}. */
    public String definition() {
        return method.name() + " (" + key + ")";
    }

    /** As a {@code partition by} clause writes it, such as {@code range (created_at)}. */
    public String clause() {
        return method.name().toLowerCase(Locale.ROOT) + " (" + key + ")";
    }

    /**
     * {@code constraint} as it is on a table partitioned so: a primary key gets the partition key as its last column
     * ({@code PRIMARY KEY (id, created_at)}); every other constraint is unchanged.
     */
    public Constraint applyTo(Constraint constraint) {
        if (constraint.kind() != Constraint.Kind.PRIMARY_KEY || constraint.columns().contains(key)) {
            return constraint;
        }
        List<String> columns = new ArrayList<>(constraint.columns());
        columns.add(key);
        return new Constraint(constraint.table(), constraint.name(), constraint.kind(), columns, withKey(constraint.definition()),
                withKey(constraint.ddl()), constraint.version());
    }

    private String withKey(String columnList) {
        int close = columnList.lastIndexOf(')');
        return columnList.substring(0, close) + ", " + key + columnList.substring(close);
    }
}
