package dev.chatmigrate.core.partition;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Column;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the conversion must know about {@code messages} before it starts or resumes, read in one round trip: whether it
 * exists and is already partitioned, a conversion in progress (its layout), and what the partitioned copy could not
 * carry over, which makes the conversion refuse: columns the canonical schema lacks, foreign keys of other tables
 * that reference it, triggers of its own.
 *
 * @param kind             {@code pg_class.relkind}: {@code r} plain, {@code p} partitioned; empty when there is no table
 * @param layoutInProgress the layout of a conversion begun earlier, as {@link PartitionLayout#describe()} wrote it
 * @param obstacles        what makes the conversion refuse, one phrase each
 */
record MessagesTable(Optional<String> kind, Optional<String> layoutInProgress, List<String> obstacles) {

    static MessagesTable read(Connection connection, String schema) throws SQLException {
        String messages = PartitionNames.qualified(schema, ChatbotSchema.MESSAGES).replace("'", "''");
        String progress = PartitionNames.qualified(schema, PartitionNames.PROGRESS).replace("'", "''");
        String sql = "with m as (select to_regclass('" + messages + "') as oid)\n"
                + "select (select relkind::text from pg_class where oid = m.oid),\n"
                + " (select array_agg(attname::text order by attnum) from pg_attribute where attrelid = m.oid and attnum > 0 and not attisdropped"
                + "   and attname <> all (?)),\n"
                + " (select array_agg(conname || ' of ' || conrelid::regclass::text) from pg_constraint where confrelid = m.oid and contype = 'f'"
                + "   and conrelid <> m.oid),\n"
                + " (select array_agg(tgname::text) from pg_trigger where tgrelid = m.oid and not tgisinternal and tgname <> '" + PartitionNames.CAPTURE + "'),\n"
                + " to_regclass('" + progress + "') is not null\n"
                + "from m";
        Optional<String> kind;
        List<String> obstacles = new ArrayList<>();
        boolean inProgress;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", PartitionSql.columns().stream().map(Column::name).toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                kind = Optional.ofNullable(row.getString(1));
                strings(row.getArray(2)).forEach(column -> obstacles.add("column messages." + column
                        + " is not part of the canonical schema, and the partitioned table would not keep its values"));
                strings(row.getArray(3)).forEach(fk -> obstacles.add("foreign key " + fk + " references messages, and would reference the old table"));
                strings(row.getArray(4)).forEach(trigger -> obstacles.add("trigger " + trigger + " on messages would not move to the partitioned table"));
                inProgress = row.getBoolean(5);
            }
        }
        Optional<String> layout = Optional.empty();
        if (inProgress) {
            try (PreparedStatement statement = connection.prepareStatement("select layout from " + PartitionNames.qualified(schema, PartitionNames.PROGRESS));
                 ResultSet row = statement.executeQuery()) {
                layout = row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
        return new MessagesTable(kind, layout, List.copyOf(obstacles));
    }

    boolean exists() {
        return kind.isPresent();
    }

    boolean partitioned() {
        return kind.filter("p"::equals).isPresent();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
