package dev.chatmigrate.integration.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.integration.reliability.ChatmigrateProcess;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.online.ChatbotLoad;
import dev.chatmigrate.testing.online.LockWaitSampler;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every engine (flyway, liquibase, mybatis and the {@code jdbc} baseline) on a partitioned {@code messages}, by range of
 * {@code created_at} and by hash of {@code conversation_id}: after {@code chatmigrate partition}, {@code status}, the
 * restart's {@code migrate} and {@code verify} of each engine users select (clean: the partitioned form is canonical);
 * on one partitioned by hand at version 3, every engine's version steps to the latest, back to 3 and up again while the
 * chatbot writes, online.
 *
 * <p>No wall-clock assertion: the writer's and chatmigrate's lock waits are measured by the server
 * ({@link LockWaitSampler}), and none may outlast the DDL lock timeout by more than a scheduling margin.
 */
class PartitionedEveryEngineIT {

    private static final Duration DDL_LOCK_TIMEOUT = Duration.ofMillis(200);
    private static final Duration MARGIN = Duration.ofSeconds(1);
    private static final String CHATMIGRATE = "chatmigrate-";
    private static final int ROWS = 3000;
    /** The rows there before the writer began, over the columns of version 3, which every step keeps. */
    private static final String FIRST_ROWS = "(select * from messages where content <> 'written during the migration') m";
    private static final String VERSION_3_COLUMNS = "id, conversation_id, role, content, created_at, token_count";

    @FreshDatabase
    private TestDatabase database;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"flyway,created_at", "liquibase,created_at", "mybatis,created_at",
            "flyway,conversation_id", "liquibase,conversation_id", "mybatis,conversation_id"})
    @DisplayName("status, the restart's migrate and verify of every engine work on the partitioned messages; verify is clean")
    void everyEngineWorksOnThePartitionedTable(String engine, String key) throws Exception {
        Messages.prepare(database, engine, 1000);
        Map<String, String> environment = Messages.environment(database, engine);
        String[] partition = key.equals("created_at") ? new String[] {"partition", "--by", "created_at"}
                : new String[] {"partition", "--by", "conversation_id", "--partitions", "4"};
        ChatmigrateProcess.Result converted = ChatmigrateProcess.run(environment, partition);
        assertThat(converted.exitCode()).as("%s", converted).isZero();

        ChatmigrateProcess.Result status = ChatmigrateProcess.run(environment, "status", "--json");
        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(status.json().get("currentVersion").asInt()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        assertThat(status.json().get("upToDate").asBoolean()).isTrue();

        ChatmigrateProcess.Result restart = ChatmigrateProcess.run(environment, "migrate", "--json");
        assertThat(restart.exitCode()).as("%s", restart).isZero();
        assertThat(restart.json().get("steps")).isEmpty();

        ChatmigrateProcess.Result verify = ChatmigrateProcess.run(environment, "verify", "--json");
        System.out.printf("[partition] %s %s verify -> exit %d: %s%n", engine, key, verify.exitCode(), verify.out());
        assertThat(verify.exitCode()).as("%s", verify).isZero();
        assertThat(verify.json().get("drift")).as("%s", verify).isEmpty();
        assertThat(verify.json().get("extras")).as("%s", verify).isEmpty();
        assertThat(verify.json().get("smokePassed").asBoolean()).as("the smoke check writes and reads a message").isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"flyway,created_at", "liquibase,created_at", "mybatis,created_at", "jdbc,created_at",
            "flyway,conversation_id", "liquibase,conversation_id", "mybatis,conversation_id", "jdbc,conversation_id"})
    @DisplayName("partitioned at version 3, with a writer: migrate to the latest (version 4's index on every partition), downgrade to 3,"
            + " migrate again; no lock wait over the DDL lock timeout, nothing lost")
    void versionStepsOnlineOnThePartitionedTable(String engine, String key) throws Exception {
        PartitionedByHand.prepare(database, engine, 3, key, ROWS);
        EngineSteps steps = new EngineSteps(database, engine, DDL_LOCK_TIMEOUT);
        String rowsBefore;
        try (Connection connection = database.connect()) {
            rowsBefore = Messages.fingerprint(connection, FIRST_ROWS, VERSION_3_COLUMNS);
            assertThat(SchemaVerifier.verify(connection, "public", 3).isClean()).as("by hand: canonical at version 3").isTrue();
        }
        long inserted;
        try (LockWaitSampler sampler = LockWaitSampler.start(database, CHATMIGRATE, ChatbotLoad.WRITER);
             ChatbotLoad.Writer writer = ChatbotLoad.Writer.start(database)) {
            Connection reader = ChatbotLoad.longReader(database);
            EngineSteps.Running migrate = steps.migrate();
            assertThat(sampler.awaitWaits(CHATMIGRATE, 3, Duration.ofSeconds(60))).as("version 5 seen waiting for the reader three times").isTrue();
            reader.close();
            assertStep(engine, "migrate", migrate.await(Duration.ofMinutes(2)), ChatbotSchema.LATEST_VERSION);

            assertStep(engine, "downgrade", steps.downgrade(3).await(Duration.ofMinutes(2)), 3);
            try (Connection connection = database.connect()) {
                assertThat(Messages.single(connection, "select to_regclass('ix_messages_created_at') is null")).isEqualTo("t");
                assertThat(Messages.partitionsWithout(connection, 2)).as("version 4's index gone from every partition").isEmpty();
            }
            assertStep(engine, "migrate again", steps.migrate().await(Duration.ofMinutes(2)), ChatbotSchema.LATEST_VERSION);
            writer.close();
            inserted = writer.inserted();
            assertThat(sampler.longestWaitOf(ChatbotLoad.WRITER)).as("longest lock wait of the writer").isLessThan(DDL_LOCK_TIMEOUT.plus(MARGIN));
            assertThat(sampler.longestWaitOf(CHATMIGRATE)).as("longest DDL lock wait").isLessThan(DDL_LOCK_TIMEOUT.plus(MARGIN));
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(inserted).isPositive();
            assertThat(Messages.single(connection, "select count(*) from messages")).isEqualTo(Long.toString(ROWS + 3 + inserted));
            assertThat(Messages.fingerprint(connection, FIRST_ROWS, VERSION_3_COLUMNS)).as("the rows there before, unchanged").isEqualTo(rowsBefore);
        }
    }

    /** The step ended with exit 0 at {@code version}: verify clean, and at 4 or more version 4's index valid on the parent and every partition. */
    private void assertStep(String engine, String step, ChatmigrateProcess.Result result, int version) throws Exception {
        System.out.printf("[partition online] %s %s: exit %d%n%s%s", engine, step, result.exitCode(), result.out(), result.err());
        assertThat(result.exitCode()).as("%s: %s", step, result).isZero();
        try (Connection connection = database.connect()) {
            assertThat(SchemaVerifier.verify(connection, "public", version).isClean()).as("%s: %s", step, SchemaVerifier.verify(connection, "public", version)).isTrue();
            if (version >= 4) {
                assertThat(result.everything()).as("%s: version 4's index built on each partition and attached", step)
                        .contains("concurrently and attached it to ix_messages_created_at");
                assertThat(Messages.single(connection, "select indisvalid from pg_index where indexrelid = 'ix_messages_created_at'::regclass")).isEqualTo("t");
                assertThat(Messages.partitionsWithout(connection, 3)).as("%s: partitions without every index attached and valid", step).isEmpty();
            }
        }
    }
}
