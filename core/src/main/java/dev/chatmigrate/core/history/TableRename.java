package dev.chatmigrate.core.history;

import dev.chatmigrate.spi.SchemaTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Renames a history table together with the indexes and sequences that belong to it, so that an engine can later
 * create a table of the old name again ({@code flyway_schema_history_pk} is a relation name of its own).
 */
final class TableRename {

    /** PostgreSQL's longest identifier, in bytes. */
    static final int MAX_IDENTIFIER = 63;

    private TableRename() {
    }

    /** Renames {@code table} in {@code schema} to {@code renamed}, and each dependent relation to {@code dependentName} of its name. */
    static void rename(Connection connection, String schema, String table, String renamed, UnaryOperator<String> dependentName) throws SQLException {
        List<String> dependents = dependents(connection, schema, table);
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table " + SchemaTables.qualified(schema, table) + " rename to " + renamed);
            for (String dependent : dependents) {
                String kind = dependent.substring(0, dependent.indexOf(' '));
                String name = dependent.substring(dependent.indexOf(' ') + 1);
                statement.execute("alter " + kind + " " + SchemaTables.qualified(schema, name) + " rename to " + dependentName.apply(name));
            }
        }
    }

    /** {@code name} with its leading {@code from} replaced by {@code to}, cut to {@link #MAX_IDENTIFIER}; unchanged when it does not start so. */
    static UnaryOperator<String> replacingPrefix(String from, String to) {
        return name -> {
            String renamed = name.startsWith(from) ? to + name.substring(from.length()) : name;
            return renamed.substring(0, Math.min(renamed.length(), MAX_IDENTIFIER));
        };
    }

    /** {@code index name} and {@code sequence name} of the relations that belong to {@code table}. */
    private static List<String> dependents(Connection connection, String schema, String table) throws SQLException {
        List<String> dependents = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select case c.relkind when 'S' then 'sequence ' else 'index ' end || c.relname"
                + " from pg_class c where c.oid in (select indexrelid from pg_index where indrelid = to_regclass(?)"
                + " union select objid from pg_depend where refobjid = to_regclass(?) and classid = 'pg_class'::regclass and deptype in ('a', 'i'))"
                + " and c.relkind in ('i', 'S') order by 1")) {
            query.setString(1, SchemaTables.qualified(schema, table));
            query.setString(2, SchemaTables.qualified(schema, table));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    dependents.add(rows.getString(1));
                }
            }
        }
        return dependents;
    }
}
