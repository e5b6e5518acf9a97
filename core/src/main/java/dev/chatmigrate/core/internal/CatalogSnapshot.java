package dev.chatmigrate.core.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chatbot tables of one schema as {@code pg_catalog} describes them, read in the caller's
 * transaction with {@code search_path} set to that schema (so definitions print unqualified).
 */
final class CatalogSnapshot {

    record ActualColumn(String type, boolean notNull, String defaultValue) {
    }

    record ActualConstraint(String table, String name, char kind, List<String> columns, String definition) {
    }

    record ActualIndex(String table, String name, List<String> columns, boolean valid, boolean plain) {
    }

    private final Map<String, Map<String, ActualColumn>> columns = new HashMap<>();
    private final List<ActualConstraint> constraints = new ArrayList<>();
    private final List<ActualIndex> indexes = new ArrayList<>();

    private CatalogSnapshot() {
    }

    static CatalogSnapshot read(Connection connection, String schema) throws SQLException {
        CatalogSnapshot snapshot = new CatalogSnapshot();
        try (PreparedStatement path = connection.prepareStatement("select set_config('search_path', ?, true)")) {
            path.setString(1, schema);
            path.execute();
        }
        query(connection, schema, """
                select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where n.nspname = ? and c.relname in ('conversations', 'messages') and c.relkind in ('r', 'p')
                  and a.attnum > 0 and not a.attisdropped""", row -> snapshot.columns
                .computeIfAbsent(row.getString(1), table -> new HashMap<>())
                .put(row.getString(2), new ActualColumn(row.getString(3), row.getBoolean(4), row.getString(5))));
        query(connection, schema, """
                select c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid),
                       array(select a.attname from unnest(k.conkey) with ordinality u(num, pos)
                             join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.pos)
                from pg_constraint k
                join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname in ('conversations', 'messages')""", row -> snapshot.constraints
                .add(new ActualConstraint(row.getString(1), row.getString(2), row.getString(3).charAt(0), strings(row.getArray(5)), row.getString(4))));
        query(connection, schema, """
                select t.relname, i.relname,
                       array(select a.attname from unnest(x.indkey::int2[]) with ordinality u(num, pos)
                             join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.num order by u.pos),
                       x.indisvalid,
                       am.amname = 'btree' and not x.indisunique and x.indpred is null and x.indexprs is null
                         and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
                from pg_index x
                join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                join pg_namespace n on n.oid = t.relnamespace join pg_am am on am.oid = i.relam
                where n.nspname = ? and t.relname in ('conversations', 'messages')""", row -> snapshot.indexes
                .add(new ActualIndex(row.getString(1), row.getString(2), strings(row.getArray(3)), row.getBoolean(4), row.getBoolean(5))));
        return snapshot;
    }

    boolean hasTable(String table) {
        return columns.containsKey(table);
    }

    Optional<ActualColumn> column(String table, String name) {
        return Optional.ofNullable(columns.getOrDefault(table, Map.of()).get(name));
    }

    List<ActualConstraint> constraints(String table) {
        return constraints.stream().filter(c -> c.table().equals(table)).toList();
    }

    List<ActualIndex> indexes(String table) {
        return indexes.stream().filter(i -> i.table().equals(table)).toList();
    }

    private interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String schema, String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.accept(rows);
                }
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
