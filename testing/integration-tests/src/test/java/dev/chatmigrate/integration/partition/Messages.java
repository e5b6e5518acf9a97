package dev.chatmigrate.integration.partition;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.testing.states.SampleRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The test database's {@code messages}: filled, fingerprinted, and its partitioning read from the catalog. */
final class Messages {

    /** Every canonical column, so that a fingerprint covers token_count and metadata too. */
    private static final String COLUMNS = "id, conversation_id, role, content, created_at, token_count, metadata";

    private Messages() {
    }

    /** The environment of a {@code chatmigrate} process for {@code database} and {@code engine}. */
    static Map<String, String> environment(TestDatabase database, String engine) {
        return Map.of("DATABASE_URL", database.database().jdbcUrl() + "?user=" + database.database().user(), "CHATMIGRATE_ENGINE", engine);
    }

    /** The schema at the latest version with {@code engine}, two conversations and {@code rows} messages spread over 2026. */
    static void prepare(TestDatabase database, String engine, int rows) throws SQLException {
        new MigrationRunner(database.settings(engine), dev.chatmigrate.core.MigrationEngines.byId(engine)).migrate();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            SampleRows.insert(connection, "public");
            statement.execute("insert into messages (conversation_id, role, content, created_at, token_count, metadata)"
                    + " select case when g % 2 = 0 then '11111111-1111-1111-1111-111111111111'::uuid else '22222222-2222-2222-2222-222222222222' end,"
                    + " 'assistant', 'message ' || g, timestamptz '2026-01-01' + (g % 340) * interval '1 day' + g * interval '1 second',"
                    + " g % 100, jsonb_build_object('g', g) from generate_series(1, " + rows + ") g");
            statement.execute("analyze messages");
        }
    }

    /** Row count and md5 of {@code table}'s rows over every canonical column, in id order. */
    static String fingerprint(Connection connection, String table) throws SQLException {
        return fingerprint(connection, table, COLUMNS);
    }

    /** Row count and md5 of {@code table}'s rows over {@code columns} (the first one {@code id}), in id order. */
    static String fingerprint(Connection connection, String table, String columns) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(r::text, '|' order by r.id)), '')"
                     + " from (select " + columns + " from " + table + ") r")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Every row of {@code engine}'s history tables, as text: equal before and after means the history is untouched. */
    static List<String> history(Connection connection, String engine) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String table : dev.chatmigrate.core.MigrationEngines.byId(engine).historyTables()) {
            if (single(connection, "select to_regclass('" + table + "')") != null) {
                rows.addAll(column(connection, "select h::text from " + table + " h order by 1"));
            }
        }
        return rows;
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** {@code r} for a plain table, {@code p} for a partitioned one. */
    static String kind(Connection connection) throws SQLException {
        return single(connection, "select relkind::text from pg_class where oid = 'messages'::regclass");
    }

    /** The partitions whose index set differs from the parent's (three indexes each: primary key and the two canonical ones). */
    static List<String> partitionsMissingIndexes(Connection connection) throws SQLException {
        return partitionsWithout(connection, 3);
    }

    /** The partitions that have other than {@code indexes} indexes, each valid and attached to one of the parent's. */
    static List<String> partitionsWithout(Connection connection, int indexes) throws SQLException {
        return column(connection, """
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'messages'::regclass
                  and ((select count(*) from pg_index x join pg_inherits ii on ii.inhrelid = x.indexrelid
                        where x.indrelid = c.oid and x.indisvalid) <> %d
                       or (select count(*) from pg_index x where x.indrelid = c.oid) <> %d)""".formatted(indexes, indexes));
    }

    /** Polls {@code sql} (one boolean) every 10 ms until it is true, for at most {@code timeout}. */
    static void await(Connection connection, String sql, Duration timeout, String what) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if ("t".equals(single(connection, sql))) {
                    return;
                }
            } catch (SQLException e) {
                if (!"42P01".equals(e.getSQLState())) { // a table the conversion has not created yet
                    throw e;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never saw " + what);
    }

    /** Ends the server sessions of a killed {@code chatmigrate} process, as the database does once it notices the client is gone. */
    static void terminateSessionsOf(long pid, Connection observer) throws SQLException, InterruptedException {
        await(observer, "select count(pg_terminate_backend(pid)) = 0 from pg_stat_activity where datname = current_database()"
                + " and application_name like 'chatmigrate-% pid " + pid + "'", Duration.ofSeconds(30), "the killed process's sessions end");
    }
}
