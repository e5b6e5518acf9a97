package dev.chatmigrate.core.adoption;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chatbot tables of one schema as {@code pg_catalog} describes them, read in the caller's transaction with
 * {@code search_path} set to that schema (so definitions print unqualified).
 *
 * <p>Types are compared by type and normalised modifier: a timestamp's precision 6 (microseconds, the most
 * PostgreSQL stores) is the same as none, so Hibernate's {@code timestamp(6) with time zone} reads as
 * {@code timestamp with time zone}.
 */
final class CatalogSnapshot {

    /** The SQL that prints a column's type with its modifier normalised; {@code a} is {@code pg_attribute}. */
    static final String NORMALISED_TYPE = "format_type(a.atttypid, case when a.atttypid in ('timestamptz'::regtype, 'timestamp'::regtype,"
            + " 'timetz'::regtype, 'time'::regtype) and a.atttypmod = 6 then -1 else a.atttypmod end)";

    /**
     * A column.
     *
     * @param type           as {@code format_type} prints it, the modifier normalised
     * @param baseType       the type without modifier, such as {@code character varying}
     * @param length         a {@code character varying}'s length, {@code -1} for none
     * @param ownedSequence  the sequence a serial or identity column draws from, qualified, or {@code null}
     * @param identity       whether it is an identity column
     */
    record ActualColumn(String type, String baseType, int length, boolean notNull, String defaultValue, String ownedSequence, boolean identity) {

        ActualColumn withType(String newType, String newBaseType) {
            return new ActualColumn(newType, newBaseType, -1, notNull, null, null, false);
        }
    }

    /**
     * A constraint.
     *
     * @param definition as {@code pg_get_constraintdef} prints it, without the {@code NOT VALID} it appends to a
     *                   constraint whose rows were never checked
     * @param validated  {@code pg_constraint.convalidated}: false for a constraint added {@code not valid} and not
     *                   validated since (an interrupted adoption leaves one)
     */
    record ActualConstraint(String table, String name, char kind, List<String> columns, String definition, boolean validated) {
    }

    private static final String NOT_VALID = " NOT VALID";

    /**
     * An index.
     *
     * @param plain             a btree over plain columns with their default operator classes, not unique, not partial
     * @param constraintBacked  the index of a primary key or unique constraint
     */
    record ActualIndex(String table, String name, List<String> columns, boolean valid, boolean plain, boolean constraintBacked,
                       String definition) {
    }

    private final Map<String, Map<String, ActualColumn>> columns = new LinkedHashMap<>();
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
        query(connection, schema, "select c.relname, a.attname, " + NORMALISED_TYPE + ", format_type(a.atttypid, null),"
                + " case when a.atttypid = 'varchar'::regtype and a.atttypmod >= 4 then a.atttypmod - 4 else -1 end,"
                + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
                + " pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname), a.attidentity <> ''"
                + """
                 from pg_attribute a
                join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where n.nspname = ? and c.relname in ('conversations', 'messages') and c.relkind in ('r', 'p')
                  and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum""", row -> snapshot.columns
                .computeIfAbsent(row.getString(1), table -> new LinkedHashMap<>())
                .put(row.getString(2), new ActualColumn(row.getString(3), row.getString(4), row.getInt(5), row.getBoolean(6),
                        row.getString(7), row.getString(8), row.getBoolean(9))));
        query(connection, schema, """
                select c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid),
                       array(select a.attname from unnest(k.conkey) with ordinality u(num, pos)
                             join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.pos),
                       k.convalidated
                from pg_constraint k
                join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname in ('conversations', 'messages') order by k.conname""", row -> snapshot.constraints
                .add(new ActualConstraint(row.getString(1), row.getString(2), row.getString(3).charAt(0), strings(row.getArray(5)),
                        withoutNotValid(row.getString(4), row.getBoolean(6)), row.getBoolean(6))));
        query(connection, schema, """
                select t.relname, i.relname,
                       array(select a.attname from unnest(x.indkey::int2[]) with ordinality u(num, pos)
                             join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.num order by u.pos),
                       x.indisvalid,
                       am.amname = 'btree' and not x.indisunique and x.indpred is null and x.indexprs is null
                         and not exists (select 1 from unnest(x.indclass::oid[]) oc join pg_opclass o on o.oid = oc where not o.opcdefault),
                       exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid),
                       substr(pg_get_indexdef(x.indexrelid), strpos(pg_get_indexdef(x.indexrelid), ' USING ') + 7)
                from pg_index x
                join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                join pg_namespace n on n.oid = t.relnamespace join pg_am am on am.oid = i.relam
                where n.nspname = ? and t.relname in ('conversations', 'messages') order by i.relname""", row -> snapshot.indexes
                .add(new ActualIndex(row.getString(1), row.getString(2), strings(row.getArray(3)), row.getBoolean(4),
                        row.getBoolean(5) && !row.getBoolean(6), row.getBoolean(6), row.getString(7))));
        return snapshot;
    }

    boolean hasTable(String table) {
        return columns.containsKey(table);
    }

    Optional<ActualColumn> column(String table, String name) {
        return Optional.ofNullable(columns.getOrDefault(table, Map.of()).get(name));
    }

    /** The names of the table's columns, in table order. */
    List<String> columnNames(String table) {
        return List.copyOf(columns.getOrDefault(table, Map.of()).keySet());
    }

    List<ActualConstraint> constraints(String table) {
        return constraints.stream().filter(c -> c.table().equals(table)).toList();
    }

    List<ActualIndex> indexes(String table) {
        return indexes.stream().filter(i -> i.table().equals(table)).toList();
    }

    /** Plans what follows as if an earlier step had already made the column {@code column}. */
    void assume(String table, String name, ActualColumn column) {
        columns.get(table).put(name, column);
    }

    /** Plans what follows as if an earlier step had already dropped the constraint. */
    void forget(ActualConstraint constraint) {
        constraints.remove(constraint);
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

    private static String withoutNotValid(String definition, boolean validated) {
        return !validated && definition.endsWith(NOT_VALID) ? definition.substring(0, definition.length() - NOT_VALID.length()) : definition;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
