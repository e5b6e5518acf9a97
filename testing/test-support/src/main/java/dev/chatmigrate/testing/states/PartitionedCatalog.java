package dev.chatmigrate.testing.states;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Index;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What the catalog says about a partitioned {@code messages}: its partitions and the indexes attached on each. */
public final class PartitionedCatalog {

    private PartitionedCatalog() {
    }

    /** The partitions of {@code messages} in {@code schema}, by name. */
    public static List<String> partitions(Connection connection, String schema) throws SQLException {
        return strings(connection, """
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = to_regclass(quote_ident(?) || '.messages') order by 1""", schema);
    }

    /** The parent indexes of {@code messages} that {@code partition} has a valid index attached to, by name. */
    public static List<String> attachedIndexes(Connection connection, String schema, String partition) throws SQLException {
        return strings(connection, """
                select parent.relname from pg_index x
                join pg_inherits i on i.inhrelid = x.indexrelid
                join pg_class parent on parent.oid = i.inhparent
                where x.indrelid = to_regclass(quote_ident(?) || '.' || quote_ident(?)) and x.indisvalid order by 1""", schema, partition);
    }

    /**
     * Each canonical index of {@code version} that a partition of {@code messages} lacks (no valid index attached to
     * the parent's), as {@code "partition: index"}; empty when every index is on every partition.
     */
    public static List<String> missingPartitionIndexes(Connection connection, String schema, int version) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String partition : partitions(connection, schema)) {
            List<String> attached = attachedIndexes(connection, schema, partition);
            for (Index index : ChatbotSchema.indexesAt(ChatbotSchema.MESSAGES, version)) {
                if (!attached.contains(index.name())) {
                    missing.add(partition + ": " + index.name());
                }
            }
        }
        return missing;
    }

    /** The {@code pg_class.oid} of the relation {@code name} in {@code schema}, or {@code 0} when there is none. */
    public static long oid(Connection connection, String schema, String name) throws SQLException {
        List<String> oid = strings(connection, "select coalesce(to_regclass(quote_ident(?) || '.' || quote_ident(?))::oid, 0)", schema, name);
        return Long.parseLong(oid.get(0));
    }

    static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
