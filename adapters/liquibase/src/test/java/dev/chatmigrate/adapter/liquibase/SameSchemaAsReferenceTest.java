package dev.chatmigrate.adapter.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Liquibase's change types (createTable, createIndex, addColumn, addForeignKeyConstraint) must build
 * exactly what the canonical scripts build, down to what {@code pg_dump --schema-only} would print:
 * column order, types, defaults, constraint and index definitions. The jdbc baseline runs those
 * scripts (the same as Flyway's); adapters never depend on each other.
 */
class SameSchemaAsReferenceTest {

    /** The chatbot tables as pg_dump sees them: one line per column, constraint and index, in a stable order. */
    private static final String CATALOG = """
            select c.relname || ' column ' || a.attnum || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || case when a.attnotnull then ' not null' else '' end
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') || ' collation ' || a.attcollation
            from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
            left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where n.nspname = 'public' and c.relname in ('conversations', 'messages') and a.attnum > 0 and not a.attisdropped
            union all
            select c.relname || ' constraint ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                   || ' deferrable ' || k.condeferrable || ' validated ' || k.convalidated || ' local ' || k.conislocal
            from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relname in ('conversations', 'messages')
            union all
            select 'index ' || pg_get_indexdef(x.indexrelid) || ' valid ' || x.indisvalid
            from pg_index x join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
            where n.nspname = 'public' and t.relname in ('conversations', 'messages')
            union all
            select c.relname || ' options ' || coalesce(array_to_string(c.reloptions, ','), 'none') || ' persistence ' || c.relpersistence::text
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relname in ('conversations', 'messages')
            order by 1""";

    @Test
    @DisplayName("EMPTY migrated by Liquibase has the catalog the canonical scripts give, line for line")
    void liquibaseBuildsTheCanonicalCatalog() throws SQLException {
        String canonical = catalogBuiltBy(new JdbcBaselineProvider());
        String liquibase = catalogBuiltBy(new LiquibaseEngineProvider());

        assertThat(liquibase).isEqualTo(canonical).contains("messages column 6 token_count integer");
    }

    private static String catalogBuiltBy(MigrationEngineProvider provider) throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            new MigrationRunner(database.settings(provider.id()), provider).migrate(ChatbotSchema.LATEST_VERSION);
            StringBuilder catalog = new StringBuilder();
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet lines = statement.executeQuery(CATALOG)) {
                while (lines.next()) {
                    catalog.append(lines.getString(1)).append('\n');
                }
            }
            return catalog.toString();
        }
    }
}
