package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.states.PartitionedMessages;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migrating process is killed ({@code kill -9}) while version 4 builds its index concurrently, and its
 * server sessions are terminated, as when a container is killed and its database connections are reaped.
 * The next {@code migrate} must finish the job at once: no stale lock, a valid index, every row kept. On a partitioned
 * {@code messages} the build goes partition by partition; the next migrate completes it where it stopped.
 */
class CrashMidMigrationIT {

    /** Enough rows that the concurrent index build (with 1 MB of maintenance_work_mem) runs for a moment. */
    private static final int MESSAGES = 300_000;

    @FreshDatabase
    private TestDatabase database;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#slow")
    @DisplayName("killed during the concurrent index build, the next migrate succeeds within the lock timeout, rebuilds the INVALID index and keeps every row")
    void killedDuringTheIndexBuildTheNextMigrateRepairsEverything(String engine) throws Exception {
        Map<String, String> environment = new HashMap<>(Chatbot.environment(database, engine));
        environment.put("CHATMIGRATE_LOCK_TIMEOUT", "10s");
        ChatmigrateProcess.Result atVersion3 = ChatmigrateProcess.run(environment, "migrate", "--target", "3");
        assertThat(atVersion3.exitCode()).as("%s", atVersion3).isZero();
        fillMessages();
        DataFingerprint before = Chatbot.rows(database);

        Map<String, String> patient = new HashMap<>(environment);
        patient.put("CHATMIGRATE_DDL_LOCK_TIMEOUT", "120s");
        ChatmigrateProcess victim = ChatmigrateProcess.start(patient, "migrate");
        try (Connection observer = database.connect(); Connection writer = database.connect()) {
            awaitIndexBuild(observer, victim, "building index", ChatbotSchema.MESSAGES);
            holdAWrite(writer);
            awaitIndexBuild(observer, victim, "waiting for writers before validation", ChatbotSchema.MESSAGES);
            victim.kill();
            terminateSessionsOf(victim, observer);
            writer.rollback();
        }

        assertThat(Chatbot.drift(database, 4).toString()).contains("ix_messages_created_at").contains("INVALID");
        Chatbot.assertRowsKept(database, before);
        if (engine.equals("liquibase")) {
            assertThat(liquibaseLockRowLocked()).as("the dead process left Liquibase's own lock row taken").isTrue();
        }

        ChatmigrateProcess.Result restart = ChatmigrateProcess.run(environment, "migrate");
        System.out.printf("[reliability] %s: migrate after a crash during the index build took %d ms (%d messages)%n",
                engine, restart.elapsed().toMillis(), MESSAGES);
        assertThat(restart.exitCode()).as("%s", restart).isZero();
        assertThat(Chatbot.drift(database, ChatbotSchema.LATEST_VERSION).isClean()).as("%s", Chatbot.drift(database, ChatbotSchema.LATEST_VERSION)).isTrue();
        assertThat(Chatbot.rows(database)).isEqualTo(before);
        try (Connection connection = database.connect()) {
            assertThat(EngineHistory.timesRecorded(connection, engine)).containsKeys(EngineHistory.versionEntries(engine))
                    .allSatisfy((entry, times) -> assertThat(times).as(entry).isEqualTo(1L));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.CrashMidMigrationIT#partitionedEngines")
    @DisplayName("killed while version 4's index is built partition by partition on a range-partitioned messages, the next migrate"
            + " completes the build (the INVALID parent and the indexes already attached kept) and keeps every row")
    void killedDuringThePerPartitionBuildTheNextMigrateCompletesIt(String engine) throws Exception {
        Map<String, String> environment = new HashMap<>(Chatbot.environment(database, engine));
        environment.put("CHATMIGRATE_LOCK_TIMEOUT", "10s");
        ChatmigrateProcess.Result atVersion3 = ChatmigrateProcess.run(environment, "migrate", "--target", "3");
        assertThat(atVersion3.exitCode()).as("%s", atVersion3).isZero();
        fillMessages();
        PartitionedMessages.RANGE_BY_CREATED_AT.partition(database.settings(engine), 3);
        DataFingerprint before = Chatbot.rows(database);

        Map<String, String> patient = new HashMap<>(environment);
        patient.put("CHATMIGRATE_DDL_LOCK_TIMEOUT", "120s");
        ChatmigrateProcess victim = ChatmigrateProcess.start(patient, "migrate");
        List<Long> attachedBeforeTheKill;
        try (Connection observer = database.connect(); Connection writer = database.connect()) {
            attachedBeforeTheKill = awaitAttachedPartitionIndexes(observer, victim);
            holdAWrite(writer);
            awaitIndexBuild(observer, victim, "waiting for writers", ChatbotSchema.MESSAGES + "_");
            victim.kill();
            terminateSessionsOf(victim, observer);
            writer.rollback();
        }
        long parent = indexOid("ix_messages_created_at");
        assertThat(Chatbot.drift(database, 4).toString()).contains("ix_messages_created_at").contains("INVALID");

        ChatmigrateProcess.Result restart = ChatmigrateProcess.run(environment, "migrate");
        assertThat(restart.exitCode()).as("%s", restart).isZero();
        assertThat(Chatbot.drift(database, ChatbotSchema.LATEST_VERSION).isClean()).as("%s", Chatbot.drift(database, ChatbotSchema.LATEST_VERSION)).isTrue();
        assertThat(Chatbot.rows(database)).isEqualTo(before);
        assertThat(indexOid("ix_messages_created_at")).as("the parent index completed, not dropped and rebuilt").isEqualTo(parent);
        assertThat(attachedPartitionIndexes()).as("the partitions' indexes attached before the kill are still attached")
                .containsAll(attachedBeforeTheKill);
        try (Connection connection = database.connect()) {
            assertThat(EngineHistory.timesRecorded(connection, engine)).containsKeys(EngineHistory.versionEntries(engine))
                    .allSatisfy((entry, times) -> assertThat(times).as(entry).isEqualTo(1L));
        }
    }

    /** One engine in a default build (another than the plain table's scenario), every engine under the reliability profile. */
    static List<String> partitionedEngines() {
        return Engines.orAll("flyway");
    }

    /** Polls until {@code victim} has attached at least one partition's index to version 4's parent index; returns their oids. */
    private List<Long> awaitAttachedPartitionIndexes(Connection observer, ChatmigrateProcess victim) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!victim.isAlive()) {
                throw new AssertionError("migrate ended before it attached a partition's index: " + victim.await(Duration.ZERO));
            }
            List<Long> attached = attachedPartitionIndexes(observer);
            if (!attached.isEmpty()) {
                return attached;
            }
            pause();
        }
        throw new AssertionError("no partition's index was ever attached to ix_messages_created_at");
    }

    private List<Long> attachedPartitionIndexes() throws SQLException {
        try (Connection connection = database.connect()) {
            return attachedPartitionIndexes(connection);
        }
    }

    private static List<Long> attachedPartitionIndexes(Connection connection) throws SQLException {
        List<Long> oids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select i.inhrelid::bigint from pg_inherits i join pg_class c on c.oid = i.inhparent"
                     + " where c.relname = 'ix_messages_created_at' order by 1")) {
            while (rows.next()) {
                oids.add(rows.getLong(1));
            }
        }
        return oids;
    }

    private long indexOid(String name) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet oid = statement.executeQuery("select '" + name + "'::regclass::oid::bigint")) {
            oid.next();
            return oid.getLong(1);
        }
    }

    private boolean liquibaseLockRowLocked() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet locked = statement.executeQuery("select coalesce(bool_or(locked), false) from chatmigrate_changelog_lock")) {
            locked.next();
            return locked.getBoolean(1);
        }
    }

    private void fillMessages() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            SampleRows.insertConversations(connection, "public");
            statement.execute("insert into messages (conversation_id, role, content, created_at)"
                    + " select '11111111-1111-1111-1111-111111111111', 'user', 'message ' || g,"
                    + " timestamptz '2026-01-01' + random() * interval '365 days' from generate_series(1, " + MESSAGES + ") g");
            statement.execute("analyze messages");
            statement.execute("alter database " + database.name() + " set maintenance_work_mem = '1MB'");
            statement.execute("alter database " + database.name() + " set max_parallel_maintenance_workers = 0");
        }
    }

    /**
     * Opens a transaction that may write {@code messages} (ROW EXCLUSIVE, which the index build lets through) and
     * keeps it open: a concurrent build that has built its index then waits for it before validating, so the index
     * stays INVALID until the process is killed, however fast the build was.
     */
    private static void holdAWrite(Connection writer) throws SQLException {
        writer.setAutoCommit(false);
        try (Statement statement = writer.createStatement()) {
            statement.execute("lock table messages in row exclusive mode");
        }
    }

    /** Polls until a session of {@code victim} builds an index on a table named {@code table}... in a phase starting with {@code phase}. */
    private static void awaitIndexBuild(Connection observer, ChatmigrateProcess victim, String phase, String table) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Set<String> seen = new LinkedHashSet<>();
        while (System.nanoTime() < deadline) {
            if (!victim.isAlive()) {
                throw new AssertionError("migrate ended before its index build was seen (seen: " + seen + "): " + victim.await(Duration.ZERO));
            }
            try (Statement statement = observer.createStatement();
                 ResultSet building = statement.executeQuery("""
                         select p.phase, a.application_name, p.relid::regclass::text from pg_stat_progress_create_index p join pg_stat_activity a on a.pid = p.pid
                         where p.datname = current_database()""")) {
                while (building.next()) {
                    seen.add(building.getString(1) + " by " + building.getString(2) + " on " + building.getString(3));
                    if (building.getString(1).startsWith(phase) && building.getString(3).startsWith(table)
                            && building.getString(2).endsWith(" pid " + victim.pid())) {
                        return;
                    }
                }
            }
            pause();
        }
        throw new AssertionError("the index build of version 4 was never seen " + phase + "; seen: " + seen);
    }

    /** Ends the server sessions of the killed process (a dead client's index build would otherwise run on), and waits until they are gone. */
    private static void terminateSessionsOf(ChatmigrateProcess victim, Connection observer) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String sessions = "from pg_stat_activity where datname = current_database() and application_name like 'chatmigrate-% pid " + victim.pid() + "'";
        while (System.nanoTime() < deadline) {
            try (Statement statement = observer.createStatement();
                 ResultSet left = statement.executeQuery("select count(pg_terminate_backend(pid)) " + sessions)) {
                left.next();
                if (left.getInt(1) == 0) {
                    return;
                }
            }
            pause();
        }
        throw new AssertionError("the sessions of the killed migrate did not end");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
