package dev.chatmigrate.benchmarks;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.partition.MessagesPartitioning;
import dev.chatmigrate.core.partition.PartitionLayout;
import dev.chatmigrate.core.partition.PartitionReport;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * {@code chatmigrate partition} at scale, by hand (not JMH, not CI): a {@code messages} table of many rows at the latest
 * version, a {@link MessageWriter} inserting 200 messages/s throughout, and the online conversion with chatmigrate's
 * defaults (DDL lock timeout 1 s, batches of {@value MessagesPartitioning#DEFAULT_BATCH_SIZE}). Prints the conversion's
 * total time, the writer's worst insert during it, the swap's lock time, and whether anything was lost: every row of
 * the plain table (kept, as by default) must be in the partitioned one, unchanged. Then, the writer still running, the
 * version steps on the partitioned table: a downgrade to version 3 and a migrate back to the latest, whose version 4
 * builds an index on every partition (the worst stall a version step can cause there); each with its total time and the
 * writer's worst insert.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.chatmigrate.benchmarks.PartitionScaleRun ROWS month|week|day|year|hashN</pre>
 */
public final class PartitionScaleRun {

    private static final int INSERTS_PER_SECOND = 200;

    private PartitionScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        String layoutName = args.length > 1 ? args[1] : "month";
        PartitionLayout layout = layoutName.startsWith("hash") ? PartitionLayout.byConversationId(Integer.parseInt(layoutName.substring(4)))
                : PartitionLayout.byCreatedAt(PartitionLayout.Interval.named(layoutName));
        System.out.printf("%,d messages, writer %d inserts/s, partition by %s%n", rows, INSERTS_PER_SECOND, layout.describe());
        try (TestDatabase database = BenchServer.get().createDatabase()) {
            MigrationSettings settings = BenchDatabase.database(database).settings("flyway");
            MigrationRunner runner = new MigrationRunner(settings, MigrationEngines.byId("flyway"));
            runner.migrate();
            UUID conversation = load(database, rows);
            try (MessageWriter writer = MessageWriter.start(database.connect(), conversation, INSERTS_PER_SECOND)) {
                Thread.sleep(500);
                writer.openWindow();
                long started = System.nanoTime();
                PartitionReport report = new MessagesPartitioning(settings, MigrationEngines.byId("flyway")).run(layout);
                long millis = (System.nanoTime() - started) / 1_000_000;
                MessageWriter.Window window = writer.closeWindow();
                System.out.printf("partition %s: %d ms total, %,d rows copied, %,d changes replayed, swap lock %d ms, writer worst insert %d ms over %,d inserts%n",
                        layout.describe(), millis, report.rowsCopied(), report.changesReplayed(), report.swapLock().toMillis(),
                        window.worstInsert().toMillis(), window.inserts());
                String kept = report.keptTable().orElseThrow();
                System.out.println(lost(database, kept));
                drop(database, kept);
                step(writer, "downgrade to 3 (drops version 5's column and version 4's index)", () -> runner.downgrade(3, true));
                step(writer, "migrate 3 -> " + ChatbotSchema.LATEST_VERSION + " (version 4's index built per partition, version 5's column)",
                        runner::migrate);
            }
        }
    }

    /** Runs one version step while {@code writer} writes, and prints its total time and the writer's worst insert. */
    private static void step(MessageWriter writer, String what, Runnable step) {
        writer.openWindow();
        long started = System.nanoTime();
        step.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        MessageWriter.Window window = writer.closeWindow();
        System.out.printf("version step on the partitioned table, %s: %d ms total, writer worst insert %d ms over %,d inserts%n",
                what, millis, window.worstInsert().toMillis(), window.inserts());
    }

    /** Drops the plain table the conversion kept, once compared: the version steps run on the partitioned table alone. */
    private static void drop(TestDatabase database, String kept) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop table " + kept);
        }
    }

    /** Rows of the kept plain table missing from (or different in) the partitioned one, and the rows only the latter has. */
    private static String lost(TestDatabase database, String kept) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select (select count(*) from " + kept + " o where not exists (select from messages m"
                     + " where m.id = o.id and (m.*)::text = (o.*)::text)), (select count(*) from messages) - (select count(*) from " + kept + ")")) {
            result.next();
            return "rows of the plain table missing or different in the partitioned one: " + result.getLong(1)
                    + " (written after the swap, only in the partitioned one: " + result.getLong(2) + ")";
        }
    }

    /** {@code rows} messages over 1000 conversations, one every 3 s back from now (10 M span 347 days). */
    private static UUID load(TestDatabase database, int rows) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into conversations (user_id, title) select 'user-' || g, 'chat ' || g from generate_series(1, 1000) g");
            statement.execute("""
                    insert into messages (conversation_id, role, content, created_at, token_count)
                    select c.ids[1 + g % c.n], (array['system', 'user', 'assistant', 'tool'])[1 + g % 4],
                           'message number ' || g, now() - make_interval(secs => g * 3.0), g % 500
                    from generate_series(1, ROWS) g, (select array_agg(id) as ids, count(*)::int as n from conversations) c""".replace("ROWS", Integer.toString(rows)));
            statement.execute("vacuum analyze conversations");
            statement.execute("vacuum analyze messages");
            try (ResultSet conversation = statement.executeQuery("select id from conversations order by id limit 1")) {
                conversation.next();
                System.out.printf("loaded %,d messages in %d s%n", rows, (System.nanoTime() - started) / 1_000_000_000);
                return conversation.getObject(1, UUID.class);
            }
        }
    }
}
