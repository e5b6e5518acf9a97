package dev.chatmigrate.verifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the chatbot tables of one schema from {@code pg_catalog}. Definitions are printed with
 * {@code search_path} set to that schema, so they read the same in every schema. A type is printed with its
 * modifier normalised: a timestamp's precision 6, the most PostgreSQL stores, reads as none (Hibernate's
 * {@code timestamp(6) with time zone} is {@code timestamp with time zone}).
 */
public final class ActualSchema {

    private static final String CHATBOT_TABLES = "('conversations', 'messages')";

    private ActualSchema() {
    }

    /** The chatbot tables that exist in {@code schema}, by name. */
    public static Map<String, TableShape> read(Connection connection, String schema) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement path = connection.prepareStatement("select set_config('search_path', ?, true)")) {
                path.setString(1, schema);
                path.execute();
            }
            Map<String, Map<String, ColumnShape>> columns = new TreeMap<>();
            Map<String, Map<String, String>> constraints = new TreeMap<>();
            Map<String, Map<String, IndexShape>> indexes = new TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select c.relname, a.attname,
                           format_type(a.atttypid, case when a.atttypid in ('timestamptz'::regtype, 'timestamp'::regtype, 'timetz'::regtype,
                             'time'::regtype) and a.atttypmod = 6 then -1 else a.atttypmod end), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
                    from pg_attribute a
                    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                    where n.nspname = ? and c.relkind in ('r', 'p') and c.relname in """ + CHATBOT_TABLES + """
                     and a.attnum > 0 and not a.attisdropped
                    order by c.relname, a.attnum""")) {
                forEachRow(statement, schema, row -> columns.computeIfAbsent(row.getString(1), t -> new LinkedHashMap<>())
                        .put(row.getString(2), new ColumnShape(row.getString(3), row.getBoolean(4), row.getString(5))));
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    select c.relname, k.conname, pg_get_constraintdef(k.oid)
                    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = ? and c.relname in """ + CHATBOT_TABLES)) {
                forEachRow(statement, schema, row -> constraints.computeIfAbsent(row.getString(1), t -> new TreeMap<>())
                        .put(row.getString(2), row.getString(3)));
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    select t.relname, i.relname, pg_get_indexdef(x.indexrelid), x.indisvalid
                    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                    join pg_namespace n on n.oid = t.relnamespace
                    where n.nspname = ? and t.relname in """ + CHATBOT_TABLES + """
                     and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid)""")) {
                forEachRow(statement, schema, row -> {
                    String definition = row.getString(3);
                    indexes.computeIfAbsent(row.getString(1), t -> new TreeMap<>())
                            .put(row.getString(2), new IndexShape(definition.substring(definition.indexOf(" USING ") + 7), row.getBoolean(4)));
                });
            }
            Map<String, TableShape> tables = new TreeMap<>();
            columns.forEach((table, tableColumns) -> tables.put(table,
                    new TableShape(tableColumns, constraints.getOrDefault(table, Map.of()), indexes.getOrDefault(table, Map.of()))));
            return tables;
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A deterministic text of the chatbot tables, for comparing what two engines built, byte for byte. */
    public static String describe(Connection connection, String schema) throws SQLException {
        StringBuilder text = new StringBuilder();
        read(connection, schema).forEach((table, shape) -> {
            text.append("table ").append(table).append('\n');
            shape.columns().forEach((name, column) -> text.append("  column ").append(name).append(' ').append(column).append('\n'));
            shape.constraints().forEach((name, definition) -> text.append("  constraint ").append(name).append(' ').append(definition).append('\n'));
            shape.indexes().forEach((name, index) -> text.append("  index ").append(name).append(' ').append(index).append('\n'));
        });
        return text.toString();
    }

    private interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    private static void forEachRow(PreparedStatement statement, String schema, RowHandler handler) throws SQLException {
        statement.setString(1, schema);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                handler.accept(rows);
            }
        }
    }
}
