package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.online.ChatbotLoad;
import dev.chatmigrate.testing.online.LockWaitSampler;
import dev.chatmigrate.testing.online.RefusingThenForwardingProxy;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.schema.ChatbotSchema;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Online safety with real processes, for every engine: a long reader never makes the chatbot's writes queue behind a
 * migration for longer than the DDL lock timeout, and a connection lost mid-migration is recovered by the same process.
 *
 * <p>No wall-clock assertion: lock waits are measured by the server ({@code pg_locks.waitstart}, sampled by
 * {@link LockWaitSampler}). Without a DDL lock timeout the migration's ALTER, and the writer queued behind it, would
 * wait for as long as the reader is held, seconds here; with it, no wait outlasts 200 ms plus a scheduling margin.
 */
class OnlineMigrationIT {

    private static final Duration DDL_LOCK_TIMEOUT = Duration.ofMillis(200);
    private static final Duration MARGIN = Duration.ofSeconds(1);
    private static final String CHATMIGRATE = "chatmigrate-";

    @FreshDatabase
    private TestDatabase database;

    private Map<String, String> environment(String engine, String lockTimeout) {
        Map<String, String> environment = new HashMap<>(Chatbot.environment(database, engine));
        environment.put("CHATMIGRATE_DDL_LOCK_TIMEOUT", DDL_LOCK_TIMEOUT.toMillis() + "ms");
        environment.put("CHATMIGRATE_LOCK_TIMEOUT", lockTimeout);
        return environment;
    }

    /** Version 2 with the two conversations, the state of the report. */
    private void atVersion2(String engine) throws SQLException {
        ChatmigrateProcess.Result atVersion2 = ChatmigrateProcess.run(environment(engine, "10s"), "migrate", "--target", "2");
        assertThat(atVersion2.exitCode()).as("%s", atVersion2).isZero();
        try (Connection connection = database.connect()) {
            SampleRows.insert(connection, "public");
        }
    }

    /** Version 3 with rows: the next migrate starts with version 4's concurrent index build. */
    private void atVersion3(String engine) throws SQLException {
        atVersion2(engine);
        ChatmigrateProcess.Result atVersion3 = ChatmigrateProcess.run(environment(engine, "10s"), "migrate", "--target", "3");
        assertThat(atVersion3.exitCode()).as("%s", atVersion3).isZero();
    }

    /** A session holding an old snapshot, which CREATE INDEX CONCURRENTLY waits for until it is rolled back. */
    private Connection oldSnapshot() throws SQLException {
        Connection holder = database.database().open(ChatbotLoad.READER, Duration.ofSeconds(10));
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.execute("set transaction isolation level repeatable read");
            statement.execute("select count(*) from conversations");
        }
        return holder;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("a long reader: DDL waits and the writer's waits stay within the DDL lock timeout; migrate finishes once the reader ends")
    void longReaderNeverQueuesTheWriterLongerThanTheDdlLockTimeout(String engine) throws Exception {
        atVersion2(engine);
        long messagesBefore = count("messages");
        ChatmigrateProcess.Result result;
        long inserted;
        try (LockWaitSampler sampler = LockWaitSampler.start(database, CHATMIGRATE, ChatbotLoad.WRITER)) {
            ChatbotLoad.Writer writer = ChatbotLoad.Writer.start(database);
            Connection reader = ChatbotLoad.longReader(database);
            long readerStarted = System.nanoTime();
            ChatmigrateProcess migrate = ChatmigrateProcess.start(environment(engine, "60s"), "migrate");
            assertThat(sampler.awaitWaits(CHATMIGRATE, 3, Duration.ofSeconds(60))).as("three DDL lock waits of chatmigrate seen").isTrue();
            Thread.sleep(Math.max(0, 3000 - (System.nanoTime() - readerStarted) / 1_000_000)); // a reader of 3 s at least, longer than any allowed wait
            assertThat(migrate.isAlive()).as("migrate waits while the reader holds messages").isTrue();
            reader.close();
            result = migrate.await(Duration.ofMinutes(2));
            show(engine, "long reader", result);
            writer.close();
            inserted = writer.inserted();
            assertThat(sampler.longestWaitOf(CHATMIGRATE)).as("longest DDL lock wait").isLessThan(DDL_LOCK_TIMEOUT.plus(MARGIN));
            assertThat(sampler.longestWaitOf(ChatbotLoad.WRITER)).as("longest wait of the writer").isLessThan(DDL_LOCK_TIMEOUT.plus(MARGIN));
        }
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.err()).contains("waited 200 ms for its lock").contains("application '" + ChatbotLoad.READER + "'");
        assertThat(inserted).isPositive();
        assertThat(count("messages")).isEqualTo(messagesBefore + inserted);
        assertAtTheLatestVersionRecordedOnce(engine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("a reader that outlasts the lock budget: exit 5 naming the reader, version 2 kept")
    void readerOutlastingTheBudgetExits5NamingIt(String engine) throws Exception {
        atVersion2(engine);
        ChatmigrateProcess.Result result;
        int readerPid;
        try (Connection reader = ChatbotLoad.longReader(database)) {
            readerPid = ChatbotLoad.backendPid(reader);
            result = ChatmigrateProcess.run(environment(engine, "2s"), "migrate");
            show(engine, "reader outlasting the budget", result);
        }
        assertThat(result.exitCode()).as("%s", result).isEqualTo(5);
        assertThat(result.err()).contains("pid " + readerPid).contains("application '" + ChatbotLoad.READER + "'")
                .contains("idle in transaction").contains("CHATMIGRATE_LOCK_TIMEOUT").doesNotContain("\tat ").doesNotContain("count(*)");
        assertThat(Chatbot.drift(database, 2).isClean()).as("%s", Chatbot.drift(database, 2)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("version 4's concurrent index build waiting for an old snapshot gives up after the DDL lock timeout and is rebuilt once the snapshot ends")
    void indexBuildWaitingForAnOldSnapshotIsRetried(String engine) throws Exception {
        atVersion3(engine);
        ChatmigrateProcess.Result result;
        try (LockWaitSampler sampler = LockWaitSampler.start(database, CHATMIGRATE); Connection snapshotHolder = oldSnapshot()) {
            ChatmigrateProcess migrate = ChatmigrateProcess.start(environment(engine, "60s"), "migrate");
            assertThat(sampler.awaitWaits(CHATMIGRATE, 3, Duration.ofSeconds(60))).as("the build seen waiting three times").isTrue();
            assertThat(sampler.longestWaitOf(CHATMIGRATE)).isLessThan(DDL_LOCK_TIMEOUT.plus(MARGIN));
            snapshotHolder.rollback();
            result = migrate.await(Duration.ofMinutes(2));
            show(engine, "index build waiting for an old snapshot", result);
        }
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertAtTheLatestVersionRecordedOnce(engine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("sessions terminated while version 4's concurrent index build waits for an old snapshot: the same process ends at the latest version")
    void terminatedDuringTheIndexBuildTheSameProcessFinishes(String engine) throws Exception {
        atVersion3(engine);
        var rowsBefore = Chatbot.rows(database);
        ChatmigrateProcess.Result result;
        try (LockWaitSampler sampler = LockWaitSampler.start(database, CHATMIGRATE); Connection snapshotHolder = oldSnapshot()) {
            ChatmigrateProcess migrate = ChatmigrateProcess.start(environment(engine, "60s"), "migrate");
            assertThat(sampler.awaitWaits(CHATMIGRATE, 1, Duration.ofSeconds(60))).as("the index build seen waiting").isTrue();
            assertThat(terminateSessionsOf(migrate)).as("sessions terminated").isPositive();
            assertThat(sampler.awaitWaits(CHATMIGRATE, 2, Duration.ofSeconds(60))).as("the build seen waiting again after the recovery").isTrue();
            snapshotHolder.rollback();
            result = migrate.await(Duration.ofMinutes(2));
            show(engine, "terminated during the index build", result);
        }
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.err()).contains("connection was lost").doesNotContain("\tat ");
        Chatbot.assertRowsKept(database, rowsBefore);
        assertAtTheLatestVersionRecordedOnce(engine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("only the session building version 4's index terminated: the same process ends at the latest version, nothing recorded as failed")
    void indexBuildingSessionAloneTerminatedTheSameProcessFinishes(String engine) throws Exception {
        atVersion3(engine);
        ChatmigrateProcess.Result result;
        try (LockWaitSampler sampler = LockWaitSampler.start(database, CHATMIGRATE); Connection snapshotHolder = oldSnapshot()) {
            ChatmigrateProcess migrate = ChatmigrateProcess.start(environment(engine, "60s"), "migrate");
            assertThat(sampler.awaitWaits(CHATMIGRATE, 1, Duration.ofSeconds(60))).as("the index build seen waiting").isTrue();
            assertThat(terminateWaitingSessionOf(migrate)).as("the waiting session terminated").isEqualTo(1);
            assertThat(sampler.awaitWaits(CHATMIGRATE, 2, Duration.ofSeconds(60))).as("the build seen waiting again after the recovery").isTrue();
            snapshotHolder.rollback();
            result = migrate.await(Duration.ofMinutes(2));
            show(engine, "index-building session terminated", result);
        }
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertAtTheLatestVersionRecordedOnce(engine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("the network cut while a DDL statement waits for its lock: the same process reconnects and ends at the latest version")
    void networkCutTheSameProcessFinishes(String engine) throws Exception {
        atVersion2(engine);
        var rowsBefore = Chatbot.rows(database);
        URI server = URI.create(database.database().jdbcUrl().substring("jdbc:".length()));
        ChatmigrateProcess.Result result;
        try (RefusingThenForwardingProxy proxy = RefusingThenForwardingProxy.start("127.0.0.1", server.getPort(), Duration.ZERO);
             LockWaitSampler sampler = LockWaitSampler.start(database, CHATMIGRATE)) {
            Map<String, String> environment = environment(engine, "60s");
            environment.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name() + "?user=" + database.database().user());
            Connection reader = ChatbotLoad.longReader(database);
            ChatmigrateProcess migrate = ChatmigrateProcess.start(environment, "migrate");
            assertThat(sampler.awaitWaits(CHATMIGRATE, 1, Duration.ofSeconds(60))).as("a DDL lock wait seen").isTrue();
            assertThat(proxy.cutConnections()).as("connections cut").isPositive();
            assertThat(sampler.awaitWaits(CHATMIGRATE, 2, Duration.ofSeconds(60))).as("waiting again after reconnecting").isTrue();
            reader.close();
            result = migrate.await(Duration.ofMinutes(2));
            show(engine, "network cut", result);
        }
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.err()).contains("connection was lost").doesNotContain("\tat ");
        Chatbot.assertRowsKept(database, rowsBefore);
        assertAtTheLatestVersionRecordedOnce(engine);
    }

    private void assertAtTheLatestVersionRecordedOnce(String engine) throws SQLException {
        int latest = ChatbotSchema.LATEST_VERSION;
        assertThat(Chatbot.drift(database, latest).isClean()).as("%s", Chatbot.drift(database, latest)).isTrue();
        try (Connection connection = database.connect()) {
            assertThat(EngineHistory.timesRecorded(connection, engine)).containsKeys(EngineHistory.versionEntries(engine))
                    .allSatisfy((entry, times) -> assertThat(times).as(entry).isEqualTo(1L));
            if (engine.equals("flyway")) {
                assertThat(count(connection, "chatmigrate_flyway_history where not success")).as("failed Flyway rows").isZero();
            }
        }
    }

    private int terminateSessionsOf(ChatmigrateProcess process) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet terminated = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                     + " where datname = current_database() and application_name like 'chatmigrate-% pid " + process.pid() + "'")) {
            terminated.next();
            return terminated.getInt(1);
        }
    }

    /** Terminates the session of {@code process} that waits for a lock (the index build), and only that one. */
    private int terminateWaitingSessionOf(ChatmigrateProcess process) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet terminated = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity a"
                     + " where datname = current_database() and application_name like 'chatmigrate-% pid " + process.pid() + "'"
                     + " and exists (select 1 from pg_locks l where l.pid = a.pid and not l.granted)")) {
            terminated.next();
            return terminated.getInt(1);
        }
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database.connect()) {
            return count(connection, table);
        }
    }

    private static long count(Connection connection, String tableAndCondition) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("select count(*) from " + tableAndCondition)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void show(String engine, String scenario, ChatmigrateProcess.Result result) {
        System.out.printf("[online] %s, %s: exit %d%n%s", engine, scenario, result.exitCode(), result.err());
    }
}
