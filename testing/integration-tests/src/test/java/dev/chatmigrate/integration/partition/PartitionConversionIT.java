package dev.chatmigrate.integration.partition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.integration.reliability.ChatmigrateProcess;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code chatmigrate partition} as a process on a real PostgreSQL while a chatbot inserts, updates and deletes
 * messages: the result is the canonical partitioned form, holds exactly the rows the chatbot's writes left (those
 * written during the copy included), and a {@code kill -9} during the copy or before the swap leaves the chatbot
 * on one complete table that the next run converts.
 */
class PartitionConversionIT {

    private static final String ENGINE = "flyway";
    private static final int MESSAGES = 20_000;

    @FreshDatabase
    private TestDatabase database;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "range monthly|--by created_at --interval month|PRIMARY KEY (id, created_at)",
            "range weekly |--by created_at --interval week |PRIMARY KEY (id, created_at)",
            "hash into 8  |--by conversation_id --partitions 8|PRIMARY KEY (id, conversation_id)"})
    @DisplayName("converts while the chatbot writes: canonical partitioned form, every row the writes left, no engine history changed")
    void convertsWhileTheChatbotWrites(String name, String options, String primaryKey) throws Exception {
        Messages.prepare(database, ENGINE, MESSAGES);
        Map<String, String> environment = Messages.environment(database, ENGINE);
        List<String> historyBefore;
        ChatmigrateProcess.Result result;
        try (Connection connection = database.connect(); ChatbotWriter writer = ChatbotWriter.start(database.connect())) {
            historyBefore = Messages.history(connection, ENGINE);
            writer.awaitWrites(20);
            ChatmigrateProcess conversion = ChatmigrateProcess.start(environment, args("partition " + options.trim() + " --batch-size 500 --json"));
            result = conversion.await(Duration.ofMinutes(3));
            writer.awaitWrites(20); // the chatbot goes on writing on the partitioned table
        }
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.json().get("rowsCopied").asLong()).isGreaterThanOrEqualTo(MESSAGES);
        assertThat(result.json().get("keptTable").asText()).startsWith("messages_unpartitioned_");
        assertThat(result.json().get("changesReplayed").asLong()).as("writes captured during the conversion").isPositive();
        try (Connection connection = database.connect()) {
            assertThat(Messages.kind(connection)).isEqualTo("p");
            assertThat(Messages.fingerprint(connection, "messages")).isEqualTo(Messages.fingerprint(connection, ChatbotWriter.EXPECTED));
            assertThat(Messages.single(connection, "select pg_get_constraintdef(oid) from pg_constraint where conname = 'pk_messages'"
                    + " and conrelid = 'messages'::regclass")).isEqualTo(primaryKey.trim());
            assertThat(Messages.column(connection, "select conname from pg_constraint where conrelid = 'messages'::regclass order by conname"))
                    .containsExactlyInAnyOrderElementsOf(ChatbotSchema.constraintsAt(ChatbotSchema.MESSAGES, ChatbotSchema.LATEST_VERSION)
                            .stream().map(c -> c.name()).toList());
            assertThat(Messages.column(connection, "select indexrelid::regclass::text from pg_index where indrelid = 'messages'::regclass"))
                    .containsExactlyInAnyOrder("pk_messages", "ix_messages_conversation_id_created_at", "ix_messages_created_at");
            assertThat(Messages.partitionsMissingIndexes(connection)).isEmpty();
            assertThat(Messages.column(connection, "select relname from pg_class where (relname like 'chatmigrate_partition%' or relname like 'chatmigrate_messages%')")).isEmpty();
            assertThat(Messages.history(connection, ENGINE)).as("the engine's history").isNotEmpty().isEqualTo(historyBefore);
        }
    }

    @Test
    @DisplayName("killed during the copy: the chatbot writes to the plain table meanwhile, and the next run resumes and finishes")
    void killedDuringTheCopyTheNextRunResumes() throws Exception {
        Messages.prepare(database, ENGINE, MESSAGES * 2);
        Map<String, String> environment = Messages.environment(database, ENGINE);
        try (Connection observer = database.connect(); ChatbotWriter writer = ChatbotWriter.start(database.connect())) {
            ChatmigrateProcess victim = ChatmigrateProcess.start(environment, args("partition --by created_at --batch-size 50"));
            Messages.await(observer, "select (select copied > 1000 and not copy_done from chatmigrate_partition_progress)", Duration.ofMinutes(2), "the copy under way");
            victim.kill();
            Messages.terminateSessionsOf(victim.pid(), observer);
            assertThat(Messages.kind(observer)).isEqualTo("r");
            writer.awaitWrites(50); // the chatbot goes on with the plain table, its writes captured

            ChatmigrateProcess.Result resumed = ChatmigrateProcess.run(environment, args("partition --by created_at --batch-size 500 --json"));
            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            assertThat(resumed.json().get("resumed").asBoolean()).isTrue();
            writer.awaitWrites(20);
        }
        assertConvertedWithEveryWrite();
    }

    @Test
    @DisplayName("killed while the swap waits for a long reader: the chatbot keeps the plain table, and the next run swaps")
    void killedBeforeTheSwapTheNextRunResumes() throws Exception {
        Messages.prepare(database, ENGINE, MESSAGES);
        Map<String, String> environment = new HashMap<>(Messages.environment(database, ENGINE));
        try (Connection observer = database.connect(); Connection reader = database.connect();
             ChatbotWriter writer = ChatbotWriter.start(database.connect())) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.execute("lock table messages in access share mode"); // a report reading for minutes: the swap must wait
            }
            ChatmigrateProcess victim = ChatmigrateProcess.start(environment, args("partition --by created_at --interval month"));
            Messages.await(observer, "select exists (select from pg_stat_activity where wait_event_type = 'Lock' and query like 'lock table%'"
                    + " and application_name like 'chatmigrate-% pid " + victim.pid() + "')", Duration.ofMinutes(2), "the swap waiting for its lock");
            assertThat(Messages.single(observer, "select copy_done from chatmigrate_partition_progress")).isEqualTo("t");
            victim.kill();
            Messages.terminateSessionsOf(victim.pid(), observer);
            reader.rollback();
            assertThat(Messages.kind(observer)).isEqualTo("r");
            writer.awaitWrites(50);

            ChatmigrateProcess.Result resumed = ChatmigrateProcess.run(environment, args("partition --by created_at --interval month --json"));
            assertThat(resumed.exitCode()).as("%s", resumed).isZero();
            assertThat(resumed.json().get("resumed").asBoolean()).isTrue();
            writer.awaitWrites(20);
        }
        assertConvertedWithEveryWrite();
    }

    @Test
    @DisplayName("plan shows every step with its SQL and locks and changes nothing; a second conversion is a no-op that says so")
    void planShowsTheStepsAndANoOpAfterwards() throws Exception {
        Messages.prepare(database, ENGINE, 100);
        Map<String, String> environment = Messages.environment(database, ENGINE);
        ChatmigrateProcess.Result plan = ChatmigrateProcess.run(environment, args("partition --plan --by conversation_id --partitions 4"));
        assertThat(plan.exitCode()).as("%s", plan).isZero();
        assertThat(plan.out()).contains("nothing has been changed", "create table \"public\".messages_p3 partition of",
                "lock: SHARE ROW EXCLUSIVE on messages", "lock: ACCESS EXCLUSIVE on messages", "lock table \"public\".messages in access exclusive mode",
                "primary key (id, conversation_id)", "partition would run");
        ChatmigrateProcess.Result json = ChatmigrateProcess.run(environment, args("partition --plan --by created_at --json"));
        assertThat(json.json().get("steps").size()).isEqualTo(9);
        try (Connection connection = database.connect()) {
            assertThat(Messages.kind(connection)).isEqualTo("r");
            assertThat(Messages.column(connection, "select relname from pg_class where (relname like 'chatmigrate_partition%' or relname like 'chatmigrate_messages%') or relname like 'messages_p%'")).isEmpty();
        }

        assertThat(ChatmigrateProcess.run(environment, args("partition --by conversation_id --partitions 4")).exitCode()).isZero();
        ChatmigrateProcess.Result again = ChatmigrateProcess.run(environment, args("partition --by created_at"));
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.out()).contains("is partitioned already", "hash (conversation_id)", "4 partitions", "nothing to do");
    }

    @Test
    @DisplayName("refuses a schema behind the latest version, naming it and the command to run, and changes nothing")
    void refusesASchemaBehindTheLatestVersion() throws Exception {
        new dev.chatmigrate.core.MigrationRunner(database.settings(ENGINE), dev.chatmigrate.core.MigrationEngines.byId(ENGINE))
                .migrate(ChatbotSchema.LATEST_VERSION - 1);
        ChatmigrateProcess.Result refused = ChatmigrateProcess.run(Messages.environment(database, ENGINE), args("partition --by created_at"));
        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(4);
        assertThat(refused.err()).contains("at version " + (ChatbotSchema.LATEST_VERSION - 1), "run chatmigrate migrate first")
                .doesNotContain("at dev.chatmigrate");
        try (Connection connection = database.connect()) {
            assertThat(Messages.kind(connection)).isEqualTo("r");
            assertThat(Messages.column(connection, "select relname from pg_class where (relname like 'chatmigrate_partition%' or relname like 'chatmigrate_messages%')")).isEmpty();
        }
    }

    /** messages is partitioned, holds exactly what the chatbot's writes left, and every row written since the start is in it. */
    private void assertConvertedWithEveryWrite() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(Messages.kind(connection)).isEqualTo("p");
            assertThat(Messages.fingerprint(connection, "messages")).isEqualTo(Messages.fingerprint(connection, ChatbotWriter.EXPECTED));
            assertThat(DataFingerprint.of(connection, "public").tables().get("messages").rows())
                    .isEqualTo(Long.parseLong(Messages.single(connection, "select count(*) from " + ChatbotWriter.EXPECTED)));
            assertThat(Messages.partitionsMissingIndexes(connection)).isEmpty();
            assertThat(Messages.column(connection, "select relname from pg_class where (relname like 'chatmigrate_partition%' or relname like 'chatmigrate_messages%')")).isEmpty();
        }
    }

    private static String[] args(String line) {
        return List.of(line.trim().split("\\s+")).toArray(String[]::new);
    }
}
