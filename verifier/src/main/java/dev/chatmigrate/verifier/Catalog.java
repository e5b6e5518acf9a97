package dev.chatmigrate.verifier;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chatbot tables of one schema as {@code pg_catalog} describes them: the one catalog reader, which verification
 * ({@link ActualSchema}) and adoption share. Read with {@code search_path} set to that schema, so that definitions print
 * unqualified and read the same in every schema: in the caller's transaction when there is one (the setting lasts
 * until it ends), otherwise in a transaction of its own, rolled back.
 *
 * <p>Of a partitioned table it reads the partition key, the partitions, which partitions each index lacks (has no
 * index attached to it) and the partitions' own indexes; see {@code docs/design.md}, "Partitioned messages".
 *
 * <p>Types are compared by type and normalised modifier: a timestamp's precision 6 (microseconds, the most
 * PostgreSQL stores) is the same as none, so Hibernate's {@code timestamp(6) with time zone} reads as
 * {@code timestamp with time zone}.
 */
public final class Catalog {

    /** The SQL that prints a column's type with its modifier normalised; {@code a} is {@code pg_attribute}. */
    private static final String NORMALISED_TYPE = "format_type(a.atttypid, case when a.atttypid in ('timestamptz'::regtype,"
            + " 'timestamp'::regtype, 'timetz'::regtype, 'time'::regtype) and a.atttypmod = 6 then -1 else a.atttypmod end)";

    private final Map<String, Map<String, ActualColumn>> columns = new LinkedHashMap<>();
    private final List<ActualConstraint> constraints = new ArrayList<>();
    private final List<ActualIndex> indexes = new ArrayList<>();
    /** Per partitioned table, its partition key as {@code pg_get_partkeydef} prints it. */
    private final Map<String, String> partitionKeys = new LinkedHashMap<>();
    /** Per partitioned table, its partitions by name. */
    private final Map<String, List<String>> partitions = new LinkedHashMap<>();
    /** The indexes of the partitions of a partitioned chatbot table. */
    private final List<ActualIndex> partitionIndexes = new ArrayList<>();

    private Catalog() {
    }

    /** Reads the chatbot tables of {@code schema} on {@code connection}. */
    public static Catalog read(Connection connection, String schema) throws SQLException {
        if (!connection.getAutoCommit()) {
            return readInTransaction(connection, schema);
        }
        connection.setAutoCommit(false);
        try {
            return readInTransaction(connection, schema);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static Catalog readInTransaction(Connection connection, String schema) throws SQLException {
        Catalog catalog = new Catalog();
        try (PreparedStatement path = connection.prepareStatement("select set_config('search_path', ?, true)")) {
            path.setString(1, schema);
            path.execute();
        }
        query(connection, schema, "select c.relname, a.attname, " + NORMALISED_TYPE + ", format_type(a.atttypid, null),"
                + " case when a.atttypid = 'varchar'::regtype and a.atttypmod >= 4 then a.atttypmod - 4 else -1 end,"
                + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
                + " pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname), a.attidentity <> '',"
                + " pg_get_partkeydef(c.oid), array(select p.relname::text from pg_inherits h join pg_class p on p.oid = h.inhrelid"
                + "   where h.inhparent = c.oid order by p.relname::text)"
                + """
                 from pg_attribute a
                join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where n.nspname = ? and c.relname in ('conversations', 'messages') and c.relkind in ('r', 'p')
                  and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum""", row -> {
            catalog.columns.computeIfAbsent(row.getString(1), table -> new LinkedHashMap<>())
                    .put(row.getString(2), new ActualColumn(row.getString(3), row.getString(4), row.getInt(5), row.getBoolean(6),
                            row.getString(7), row.getString(8), row.getBoolean(9)));
            if (row.getString(10) != null) {
                catalog.partitionKeys.put(row.getString(1), row.getString(10));
                catalog.partitions.put(row.getString(1), strings(row.getArray(11)));
            }
        });
        query(connection, schema, """
                select c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid),
                       array(select a.attname from unnest(k.conkey) with ordinality u(num, pos)
                             join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.pos),
                       k.convalidated
                from pg_constraint k
                join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname in ('conversations', 'messages') order by k.conname""", row -> catalog.constraints
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
                       substr(pg_get_indexdef(x.indexrelid), strpos(pg_get_indexdef(x.indexrelid), ' USING ') + 7),
                       array(select p.relname::text from pg_inherits h join pg_class p on p.oid = h.inhrelid
                             where h.inhparent = x.indrelid and not exists (select 1 from pg_inherits ih join pg_index px on px.indexrelid = ih.inhrelid
                                   where ih.inhparent = x.indexrelid and px.indrelid = h.inhrelid) order by p.relname::text),
                       (select pi.relname from pg_inherits ih join pg_class pi on pi.oid = ih.inhparent where ih.inhrelid = x.indexrelid),
                       t.relname in ('conversations', 'messages')
                from pg_index x
                join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                join pg_namespace n on n.oid = t.relnamespace join pg_am am on am.oid = i.relam
                where n.nspname = ? and (t.relname in ('conversations', 'messages') or t.oid in (select h.inhrelid from pg_inherits h
                      join pg_class m on m.oid = h.inhparent where m.relname = 'messages' and m.relnamespace = n.oid and m.relkind = 'p'))
                order by i.relname""", row -> (row.getBoolean(10) ? catalog.indexes : catalog.partitionIndexes)
                .add(new ActualIndex(row.getString(1), row.getString(2), strings(row.getArray(3)), row.getBoolean(4),
                        row.getBoolean(5) && !row.getBoolean(6), row.getBoolean(6), row.getString(7), strings(row.getArray(8)),
                        row.getString(9))));
        return catalog;
    }

    /** The chatbot tables that exist, by name in order. */
    public Set<String> tables() {
        return Collections.unmodifiableSet(columns.keySet());
    }

    public boolean hasTable(String table) {
        return columns.containsKey(table);
    }

    /** The table's columns by name, in table order; empty for a missing table. */
    public Map<String, ActualColumn> columns(String table) {
        return Collections.unmodifiableMap(columns.getOrDefault(table, Map.of()));
    }

    public Optional<ActualColumn> column(String table, String name) {
        return Optional.ofNullable(columns(table).get(name));
    }

    /** The table's constraints, by name. */
    public List<ActualConstraint> constraints(String table) {
        return constraints.stream().filter(c -> c.table().equals(table)).toList();
    }

    /** The table's indexes, by name, those of constraints included. */
    public List<ActualIndex> indexes(String table) {
        return indexes.stream().filter(i -> i.table().equals(table)).toList();
    }

    /** The table's partition key as {@code pg_get_partkeydef} prints it, such as {@code RANGE (created_at)}; empty for a plain table. */
    public Optional<String> partitionKey(String table) {
        return Optional.ofNullable(partitionKeys.get(table));
    }

    /** The partitions of a partitioned table, by name; empty for a plain one. */
    public List<String> partitions(String table) {
        return partitions.getOrDefault(table, List.of());
    }

    /** The indexes of {@code partition}, a partition of a partitioned chatbot table, by name. */
    public List<ActualIndex> partitionIndexes(String partition) {
        return partitionIndexes.stream().filter(i -> i.table().equals(partition)).toList();
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
        String notValid = ActualConstraint.NOT_VALID;
        return !validated && definition.endsWith(notValid) ? definition.substring(0, definition.length() - notValid.length()) : definition;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
