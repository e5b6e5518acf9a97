package dev.chatmigrate.benchmarks;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * Online safety at scale, by hand (not JMH, not CI): a {@code messages} table of many rows, a {@link MessageWriter}
 * inserting continuously, and optionally a long reader that holds {@code messages} for a while at the start of every
 * step. Two starting points: BEHIND (the engine's own version 2, then every later version one step at a time) and
 * ADOPTION (tables an ORM made, without any history, migrated to the latest in one step). Prints, per step, its time,
 * the writer's worst insert during it, and the table's relfilenode before and after (a change means a rewrite).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.chatmigrate.benchmarks.OnlineScaleRun ENGINE ROWS READER_SECONDS [BEHIND,ADOPTION]</pre>
 */
public final class OnlineScaleRun {

    private static final int INSERTS_PER_SECOND = 200;

    private OnlineScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        String engineName = args.length > 0 ? args[0] : "flyway";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        int readerSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        String scenarios = args.length > 3 ? args[3] : "BEHIND,ADOPTION";
        BenchEngine engine = BenchEngine.named(engineName);
        System.out.printf("engine %s, %,d messages, writer %d inserts/s, reader %d s per step%n", engineName, rows, INSERTS_PER_SECOND, readerSeconds);
        if (scenarios.contains("BEHIND")) {
            behind(engine, rows, readerSeconds);
        }
        if (scenarios.contains("ADOPTION")) {
            adoption(engine, rows, readerSeconds);
        }
    }

    private static void behind(BenchEngine engine, int rows, int readerSeconds) throws Exception {
        try (TestDatabase database = BenchServer.get().createDatabase()) {
            MigrationRunner runner = runner(engine, database);
            runner.migrate(2);
            UUID conversation = load(database, rows, false);
            for (int version = 3; version <= ChatbotSchema.LATEST_VERSION; version++) {
                int target = version;
                step(database, "BEHIND " + (version - 1) + " -> " + version, readerSeconds, conversation, () -> runner.migrate(target));
            }
        }
    }

    private static void adoption(BenchEngine engine, int rows, int readerSeconds) throws Exception {
        try (TestDatabase database = BenchServer.get().createDatabase()) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                DatabaseState.UNTRACKED.prepare(connection, "public");
                statement.execute("delete from messages");
            }
            UUID conversation = load(database, rows, true);
            MigrationRunner runner = runner(engine, database);
            step(database, "ADOPTION -> " + ChatbotSchema.LATEST_VERSION, readerSeconds, conversation, runner::migrate);
        }
    }

    private static MigrationRunner runner(BenchEngine engine, TestDatabase database) {
        String id = engine.provider().id();
        Database login = BenchDatabase.database(database);
        MigrationSettings defaults = login.settings(id);
        MigrationSettings settings = defaults.withDataSource(login.dataSource(Database.applicationName(id), Duration.ofSeconds(15)))
                .withTimeouts(defaults.connectTimeout(), Duration.ofMinutes(10));
        return engine.runner(settings);
    }

    private static void step(TestDatabase database, String name, int readerSeconds, UUID conversation, Runnable migration) throws Exception {
        long fileBefore = relfilenode(database);
        try (MessageWriter writer = MessageWriter.start(database.connect(), conversation, INSERTS_PER_SECOND)) {
            Thread.sleep(500);
            writer.openWindow();
            Thread reader = readerSeconds > 0 ? longReader(database, readerSeconds) : null;
            long started = System.nanoTime();
            migration.run();
            long millis = (System.nanoTime() - started) / 1_000_000;
            MessageWriter.Window window = writer.closeWindow();
            if (reader != null) {
                reader.join();
            }
            long fileAfter = relfilenode(database);
            System.out.printf("%-22s %8d ms   writer worst insert %6d ms over %6d inserts   messages %s%n", name, millis,
                    window.worstInsert().toMillis(), window.inserts(), fileBefore == fileAfter ? "not rewritten" : "REWRITTEN");
        }
    }

    /** A transaction that reads messages and stays open for {@code seconds}, as a report does. */
    private static Thread longReader(TestDatabase database, int seconds) throws SQLException, InterruptedException {
        Connection connection = database.database().open("long-reader", Duration.ofSeconds(10));
        Thread thread = new Thread(() -> {
            try (connection; Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("select id from messages limit 1");
                Thread.sleep(seconds * 1000L);
                connection.rollback();
            } catch (SQLException | InterruptedException e) {
                System.out.println("reader failed: " + e.getMessage());
            }
        }, "long-reader");
        thread.start();
        Thread.sleep(200); // the reader holds its lock before the step starts
        return thread;
    }

    /** Loads {@code rows} messages into 1000 conversations with generate_series; ORM tables have no column defaults. */
    private static UUID load(TestDatabase database, int rows, boolean orm) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(orm
                    ? "insert into conversations (id, user_id, title, created_at, updated_at) select gen_random_uuid(), 'user-' || g, 'chat', now(), now() from generate_series(1, 1000) g"
                    : "insert into conversations (user_id, title) select 'user-' || g, 'chat ' || g from generate_series(1, 1000) g");
            statement.execute("""
                    insert into messages (id, conversation_id, role, content, created_at)
                    select gen_random_uuid(), c.ids[1 + g % c.n], (array['system', 'user', 'assistant', 'tool'])[1 + g % 4],
                           'message number ' || g, now() - make_interval(secs => g * 3.0)
                    from generate_series(1, ROWS) g, (select array_agg(id) as ids, count(*)::int as n from conversations) c""".replace("ROWS", Integer.toString(rows)));
            statement.execute("vacuum analyze conversations");
            statement.execute("vacuum analyze messages");
            if (orm) {
                statement.execute("alter table messages alter column id set default gen_random_uuid(), alter column created_at set default now()"); // what the writer needs
            }
            try (var conversation = statement.executeQuery("select id from conversations order by id limit 1")) {
                conversation.next();
                System.out.printf("loaded %,d messages (%s) in %d s%n", rows, orm ? "ORM tables" : "version 2", (System.nanoTime() - started) / 1_000_000_000);
                return conversation.getObject(1, UUID.class);
            }
        }
    }

    private static long relfilenode(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             var node = statement.executeQuery("select pg_relation_filenode('messages')")) {
            node.next();
            return node.getLong(1);
        }
    }
}
