package dev.chatmigrate.integration.reliability;

import dev.chatmigrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Every table, column, default, constraint and index of schema {@code public} as sorted text: equal text, unchanged schema. */
final class Catalog {

    private static final String SNAPSHOT = """
            select coalesce(string_agg(line, E'\\n' order by line), '') from (
              select 'relation ' || c.relname || ' ' || c.relkind::text
                from pg_class c where c.relnamespace = 'public'::regnamespace
              union all
              select 'column ' || a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                     || case when a.attnotnull then ' not null' else '' end || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                from pg_attribute a join pg_class c on c.oid = a.attrelid
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
               where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
              union all
              select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                from pg_constraint where connamespace = 'public'::regnamespace
              union all
              select 'index ' || pg_get_indexdef(i.indexrelid) || case when i.indisvalid then '' else ' INVALID' end
                from pg_index i join pg_class c on c.oid = i.indexrelid where c.relnamespace = 'public'::regnamespace
            ) catalog(line)""";

    private Catalog() {
    }

    static String of(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet text = statement.executeQuery(SNAPSHOT)) {
            text.next();
            return text.getString(1);
        }
    }
}
