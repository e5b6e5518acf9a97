package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.integration.reliability.cluster.Formation;
import dev.chatmigrate.integration.reliability.cluster.Node;
import dev.chatmigrate.integration.reliability.cluster.SharedFormation;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A migration on a real pg_auto_failover formation (a monitor, a primary and its synchronous standby) through a
 * URL naming both nodes, while the formation fails over: a planned switchover during a version, a {@code kill -9}
 * of the primary during version 4's concurrent index build, a connect budget shorter than the failover, and the
 * standby dying mid-migration. Each time the schema ends at the latest version on the primary of the moment, every
 * version recorded once, no INVALID index, every row kept. The formation is shared by the class; a node killed by a
 * test is started again after it and rejoins as the standby.
 */
class ClusterFailoverIT {

    /** A few thousand messages: enough for a fingerprint that means something, few enough for a quick base backup. */
    private static final int MESSAGES = 5_000;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    @RegisterExtension
    static final SharedFormation CLUSTER = new SharedFormation();
    private static Formation formation;

    private Node killed;

    @BeforeAll
    static void takeTheFormation() {
        formation = CLUSTER.formation();
    }

    @AfterEach
    void restartTheKilledNode() {
        if (killed != null) {
            long started = System.nanoTime();
            formation.restart(killed);
            System.out.printf("[cluster] %s restarted and rejoined as the standby in %d ms%n", killed, millisSince(started));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("switchoverEngines")
    @DisplayName("a switchover while a version waits for its lock (libpq URL, standby first): the same process ends at the latest version on the new primary")
    void switchoverDuringAVersion(String engine) throws Exception {
        Node primary = formation.primary();
        String database = newDatabase(engine);
        String url = formation.libpqUrl(formation.standby(), database, "target_session_attrs=read-write");
        DataFingerprint before = atVersionWithRows(engine, url, database, 2);

        ChatmigrateProcess.Result result;
        try (Connection reader = lockMessages(primary, database)) {
            ChatmigrateProcess migrate = ChatmigrateProcess.start(environment(engine, url), "migrate");
            awaitLockWait(primary, database, migrate);
            long switched = System.nanoTime();
            formation.switchover();
            System.out.printf("[cluster] %s: switchover done in %d ms%n", engine, millisSince(switched));
            result = migrate.await(Duration.ofMinutes(3));
        }

        show(engine, "switchover during version 3", result);
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.err()).as("waited for the new primary").contains("Database not reachable yet").doesNotContain("\tat ");
        Node newPrimary = formation.primary();
        assertThat(newPrimary).isNotSameAs(primary);
        assertMigratedOn(newPrimary, database, engine, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("killEngines")
    @DisplayName("kill -9 of the primary during version 4's concurrent index build (JDBC URL): the same process rebuilds the index on the promoted standby")
    void killDuringTheIndexBuild(String engine) throws Exception {
        Node primary = formation.primary();
        String database = newDatabase(engine);
        String url = formation.jdbcUrl(primary, database, "targetServerType=primary");
        DataFingerprint before = atVersionWithRows(engine, url, database, 3);

        Connection snapshot = oldSnapshot(primary, database);
        ChatmigrateProcess migrate = ChatmigrateProcess.start(environment(engine, url), "migrate");
        awaitIndexBuildWaitingForSnapshots(primary, database, migrate);
        Duration window = killAndAwaitNewPrimary(primary);
        quietlyClose(snapshot);
        ChatmigrateProcess.Result result = migrate.await(Duration.ofMinutes(3));

        show(engine, "kill -9 of the primary during the index build (no primary for " + window.toMillis() + " ms)", result);
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.err()).as("waited for the new primary").contains("Database not reachable yet").doesNotContain("\tat ")
                .as("the INVALID index replicated to the promoted standby").contains("rebuilt index ix_messages_created_at");
        assertMigratedOn(formation.primary(), database, engine, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("budgetEngines")
    @DisplayName("a connect budget shorter than the failover (libpq URL without target_session_attrs): exit 3 naming the version reached; the next run completes")
    void budgetShorterThanTheFailover(String engine) throws Exception {
        Node primary = formation.primary();
        String database = newDatabase(engine);
        String url = formation.libpqUrl(formation.standby(), database, "");
        DataFingerprint before = atVersionWithRows(engine, url, database, 2);

        Map<String, String> impatient = environment(engine, url);
        impatient.put("CHATMIGRATE_CONNECT_TIMEOUT", "5s");
        ChatmigrateProcess.Result result;
        Duration window;
        formation.use(Formation.Timing.SLOW_DETECTION); // a failover of 15 s and more: longer than the budget on any machine
        try (Connection reader = lockMessages(primary, database)) {
            ChatmigrateProcess migrate = ChatmigrateProcess.start(impatient, "migrate");
            awaitLockWait(primary, database, migrate);
            long started = System.nanoTime();
            formation.kill(primary);
            killed = primary;
            result = migrate.await(Duration.ofMinutes(3));
            formation.awaitPrimary(Duration.ofMinutes(2));
            window = Duration.ofNanos(System.nanoTime() - started);
        } finally {
            formation.use(Formation.Timing.FAST);
        }
        show(engine, "connect budget of 5 s, kill -9 of the primary (no primary for "
                + window.toMillis() + " ms)", result);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(lastLine(result)).contains("version 2").contains("CHATMIGRATE_CONNECT_TIMEOUT").doesNotContain("\tat ");

        ChatmigrateProcess.Result next = ChatmigrateProcess.run(environment(engine, url), "migrate");
        show(engine, "the next run after the failover", next);
        assertThat(next.exitCode()).as("%s", next).isZero();
        assertMigratedOn(formation.primary(), database, engine, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standbyKilledEngines")
    @DisplayName("the synchronous standby killed while a version waits for its lock (JDBC URL with targetServerType=any): the migration ends on the primary")
    void standbyKilledDuringAVersion(String engine) throws Exception {
        Node primary = formation.primary();
        Node standby = formation.standby();
        String database = newDatabase(engine);
        String url = formation.jdbcUrl(standby, database, "targetServerType=any");
        DataFingerprint before = atVersionWithRows(engine, url, database, 2);

        ChatmigrateProcess.Result result;
        try (Connection reader = lockMessages(primary, database)) {
            ChatmigrateProcess migrate = ChatmigrateProcess.start(environment(engine, url), "migrate");
            awaitLockWait(primary, database, migrate);
            formation.kill(standby);
            killed = standby;
            reader.rollback();
            result = migrate.await(Duration.ofMinutes(3));
        }

        show(engine, "the standby killed during version 3", result);
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(formation.primary()).isSameAs(primary);
        assertMigratedOn(primary, database, engine, before);
    }

    // One engine per scenario in a default build, so that every engine goes through a failover; all of them under -Preliability.

    static java.util.List<String> switchoverEngines() {
        return Engines.orAll("flyway");
    }

    static java.util.List<String> killEngines() {
        return Engines.orAll("liquibase");
    }

    static java.util.List<String> budgetEngines() {
        return Engines.orAll("mybatis");
    }

    static java.util.List<String> standbyKilledEngines() {
        return Engines.orAll("mybatis");
    }

    private static String newDatabase(String engine) throws SQLException {
        String name = "chat_" + engine + "_" + DATABASES.incrementAndGet();
        formation.createDatabase(name);
        return name;
    }

    private static Map<String, String> environment(String engine, String url) {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", url);
        environment.put("CHATMIGRATE_ENGINE", engine);
        environment.put("CHATMIGRATE_DDL_LOCK_TIMEOUT", "200ms");
        environment.put("CHATMIGRATE_LOCK_TIMEOUT", "120s");
        return environment;
    }

    /** Migrates to {@code version} with the real command, adds conversations and messages on the primary, and fingerprints them. */
    private static DataFingerprint atVersionWithRows(String engine, String url, String database, int version) throws SQLException {
        ChatmigrateProcess.Result result = ChatmigrateProcess.run(environment(engine, url), "migrate", "--target", Integer.toString(version));
        assertThat(result.exitCode()).as("%s", result).isZero();
        try (Connection connection = formation.primary().connect(database); Statement statement = connection.createStatement()) {
            SampleRows.insert(connection, "public");
            statement.execute("insert into messages (conversation_id, role, content, created_at)"
                    + " select '11111111-1111-1111-1111-111111111111', 'user', 'message ' || g,"
                    + " timestamptz '2026-01-01' + g * interval '1 minute' from generate_series(1, " + MESSAGES + ") g");
            return DataFingerprint.of(connection, "public");
        }
    }

    /** A transaction holding a lock on {@code messages}: every DDL on it waits (and times out, and is retried) until it ends. */
    private static Connection lockMessages(Node node, String database) throws SQLException {
        Connection reader = node.connect(database);
        reader.setAutoCommit(false);
        try (Statement statement = reader.createStatement()) {
            statement.execute("lock table messages in access share mode");
        }
        return reader;
    }

    /** A transaction holding an old snapshot: a concurrent index build waits for it before it marks the index valid. */
    private static Connection oldSnapshot(Node node, String database) throws SQLException {
        Connection holder = node.connect(database);
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.execute("set transaction isolation level repeatable read");
            statement.execute("select count(*) from conversations");
        }
        return holder;
    }

    private static void awaitLockWait(Node node, String database, ChatmigrateProcess migrate) throws SQLException {
        awaitSession(node, database, migrate, "from pg_locks l join pg_stat_activity a on a.pid = l.pid where not l.granted", "a DDL lock wait");
    }

    private static void awaitIndexBuildWaitingForSnapshots(Node node, String database, ChatmigrateProcess migrate) throws SQLException {
        awaitSession(node, database, migrate, "from pg_stat_progress_create_index p join pg_stat_activity a on a.pid = p.pid"
                + " where p.phase = 'waiting for old snapshots' and p.relid = 'messages'::regclass", "the index build waiting for old snapshots");
    }

    /** Polls {@code node} until a session of {@code migrate} matches {@code fromWhere} (with {@code a} its pg_stat_activity row). */
    private static void awaitSession(Node node, String database, ChatmigrateProcess migrate, String fromWhere, String what) throws SQLException {
        String sql = "select count(*) " + fromWhere + " and a.application_name like 'chatmigrate-% pid " + migrate.pid() + "'";
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (Connection observer = node.connect(database); Statement statement = observer.createStatement()) {
            while (System.nanoTime() < deadline) {
                if (!migrate.isAlive()) {
                    throw new AssertionError("migrate ended before " + what + " was seen: " + migrate.await(Duration.ZERO));
                }
                try (ResultSet count = statement.executeQuery(sql)) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.yield();
            }
        }
        throw new AssertionError(what + " was never seen on " + node);
    }

    /** kill -9 of {@code primary}; returns how long no node accepted writes, until the monitor promoted the standby. */
    private Duration killAndAwaitNewPrimary(Node primary) {
        long started = System.nanoTime();
        formation.kill(primary);
        killed = primary;
        Node promoted = formation.awaitPrimary(Duration.ofMinutes(1));
        Duration window = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[cluster] kill -9 of %s: %s promoted after %d ms%n", primary, promoted, window.toMillis());
        return window;
    }

    /** At the latest version on {@code node}, canonical (no INVALID index), each version recorded once, every row kept. */
    private static void assertMigratedOn(Node node, String database, String engine, DataFingerprint before) throws SQLException {
        try (Connection connection = node.connect(database); Statement statement = connection.createStatement()) {
            DriftReport drift = SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION);
            assertThat(drift.isClean()).as("%s", drift).isTrue();
            try (ResultSet invalid = statement.executeQuery("select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
                    + " where c.relnamespace = 'public'::regnamespace and not i.indisvalid")) {
                invalid.next();
                assertThat(invalid.getInt(1)).as("INVALID indexes").isZero();
            }
            assertThat(EngineHistory.timesRecorded(connection, engine)).containsKeys(EngineHistory.versionEntries(engine))
                    .allSatisfy((entry, times) -> assertThat(times).as(entry).isEqualTo(1L));
            assertThat(DataFingerprint.of(connection, "public")).isEqualTo(before);
            assertThat(before.totalRows()).isEqualTo(SampleRows.CONVERSATIONS + SampleRows.MESSAGES + MESSAGES);
        }
    }

    private static String lastLine(ChatmigrateProcess.Result result) {
        return result.err().strip().lines().reduce((first, second) -> second).orElse("");
    }

    private static void quietlyClose(Connection connection) {
        try {
            connection.close();
        } catch (SQLException lostWithItsServer) {
            // the server was killed under it
        }
    }

    private static void show(String engine, String scenario, ChatmigrateProcess.Result result) {
        System.out.printf("[cluster] %s, %s: exit %d in %d ms%n%s", engine, scenario, result.exitCode(), result.elapsed().toMillis(), result.err());
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
