package dev.chatmigrate.integration.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatmigrate.integration.reliability.ChatmigrateProcess;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code chatmigrate partition --partman} on a PostgreSQL 15 server of Debian's with Debian's pg_partman 4.7
 * ({@code postgresql-15-partman}; skipped visibly without them): the converted table is registered with
 * {@code create_parent}, keeps the partitions the conversion made, and a partition pg_partman creates later carries
 * the canonical indexes; a {@code messages} that pg_partman partitions from version 3 on is migrated to the latest by
 * every engine, verifies clean, and the partitions pg_partman's maintenance makes afterwards carry every canonical index
 * and the foreign key.
 */
class PartmanIT {

    private static final Path POSTGRES_15 = Path.of("/usr/lib/postgresql/15");
    private static final Path PARTMAN = Path.of("/usr/share/postgresql/15/extension/pg_partman.control");

    private static TestPostgres server;

    @BeforeAll
    static void startServer() {
        assumeTrue(Files.isExecutable(POSTGRES_15.resolve("bin/postgres")) && Files.exists(PARTMAN),
                "no PostgreSQL 15 with pg_partman under " + POSTGRES_15 + " (apt-get install postgresql-15 postgresql-15-partman)");
        server = TestPostgres.installed(POSTGRES_15); // stops when the JVM ends
    }

    @Test
    @DisplayName("registered with pg_partman while the chatbot writes: every row kept, and a partition pg_partman makes later has the canonical indexes")
    void registeredWithPartman() throws Exception {
        try (TestDatabase database = server.createDatabase()) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create schema partman");
                statement.execute("create extension pg_partman schema partman");
            }
            Messages.prepare(database, "liquibase", 5000);
            Map<String, String> environment = Messages.environment(database, "liquibase");
            ChatmigrateProcess.Result result;
            try (ChatbotWriter writer = ChatbotWriter.start(database.connect())) {
                writer.awaitWrites(10);
                result = ChatmigrateProcess.start(environment, "partition", "--by", "created_at", "--interval", "month", "--partman",
                        "--batch-size", "500").await(Duration.ofMinutes(3));
                writer.awaitWrites(10);
            }
            assertThat(result.exitCode()).as("%s", result).isZero();
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                assertThat(Messages.fingerprint(connection, "messages")).isEqualTo(Messages.fingerprint(connection, ChatbotWriter.EXPECTED));
                assertThat(Messages.single(connection, "select partition_interval || ' ' || partition_type from partman.part_config"
                        + " where parent_table = 'public.messages'")).isEqualTo("1 mon native");
                assertThat(Messages.single(connection, "select to_regclass('messages_default') is not null")).isEqualTo("t");
                statement.execute("select partman.create_partition_time('public.messages', array[now() + interval '3 years'])");
                assertThat(Messages.single(connection, "select count(*) from pg_inherits where inhparent = 'messages'::regclass"
                        + " and inhrelid::regclass::text = 'messages_p' || to_char(now() + interval '3 years', 'YYYY_MM')")).isEqualTo("1");
                assertThat(Messages.partitionsMissingIndexes(connection)).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flyway", "liquibase", "mybatis", "jdbc"})
    @DisplayName("partitioned by pg_partman at version 3: migrated to the latest and clean; partitions its maintenance makes later carry every index and the foreign key")
    void partmanTableMigratedByEveryEngine(String engine) throws Exception {
        try (TestDatabase database = server.createDatabase()) {
            partmanMessagesAtVersion3(database, engine, 2000);
            ChatmigrateProcess.Result migrate = new EngineSteps(database, engine, Duration.ofSeconds(1)).migrate().await(Duration.ofMinutes(3));
            System.out.printf("[partman] %s migrate: exit %d%n%s%s", engine, migrate.exitCode(), migrate.out(), migrate.err());
            assertThat(migrate.exitCode()).as("%s", migrate).isZero();
            assertThat(migrate.everything()).as("version 4's index built on each partition and attached")
                    .contains("concurrently and attached it to ix_messages_created_at");
            assertVerifiesClean(database);
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                int before = Integer.parseInt(Messages.single(connection, "select count(*) from pg_inherits where inhparent = 'messages'::regclass"));
                statement.execute("update partman.part_config set premake = premake + 3 where parent_table = 'public.messages'");
                statement.execute("select partman.run_maintenance('public.messages')");
                statement.execute("select partman.create_partition_time('public.messages', array[now() + interval '3 years'])");
                assertThat(Integer.parseInt(Messages.single(connection, "select count(*) from pg_inherits where inhparent = 'messages'::regclass")))
                        .as("partitions made by run_maintenance and create_partition_time").isGreaterThanOrEqualTo(before + 4);
                assertThat(Messages.partitionsMissingIndexes(connection)).isEmpty();
                assertThat(Messages.column(connection, """
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'messages'::regclass
                          and not exists (select 1 from pg_constraint f where f.conrelid = c.oid and f.contype = 'f' and f.conparentid =
                              (select oid from pg_constraint where conname = 'fk_messages_conversation_id' and conrelid = 'messages'::regclass))"""))
                        .as("partitions without the parent's foreign key").isEmpty();
            }
            assertVerifiesClean(database);
        }
    }

    private static void assertVerifiesClean(TestDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            DriftReport report = SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION);
            assertThat(report.isClean()).as("%s", report).isTrue();
        }
    }

    /**
     * Version 3 by {@code engine} with {@code rows} messages over 2026, then {@code messages} made again as pg_partman makes
     * it: a partitioned table registered with {@code create_parent} (monthly from 2026-01, its default partition), the
     * rows copied in, the canonical primary key with the partition key, foreign key and version 2's index on the parent.
     */
    private static void partmanMessagesAtVersion3(TestDatabase database, String engine, int rows) throws Exception {
        new MigrationRunner(database.settings(engine), MigrationEngines.measured(engine)).migrate(3);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema partman");
            statement.execute("create extension pg_partman schema partman");
            SampleRows.insert(connection, "public");
            statement.execute("insert into messages (conversation_id, role, content, created_at, token_count)"
                    + " select case when g % 2 = 0 then '11111111-1111-1111-1111-111111111111'::uuid else '22222222-2222-2222-2222-222222222222' end,"
                    + " 'user', 'message ' || g, timestamptz '2026-01-01' + (g % 340) * interval '1 day', g % 50 from generate_series(1, " + rows + ") g");
            statement.execute("alter table messages rename to messages_plain");
            statement.execute("create table messages (like messages_plain including defaults including constraints) partition by range (created_at)");
            statement.execute("select partman.create_parent(p_parent_table => 'public.messages', p_control => 'created_at', p_type => 'native',"
                    + " p_interval => 'monthly', p_start_partition => '2026-01-01')");
            statement.execute("insert into messages select * from messages_plain");
            statement.execute("drop table messages_plain");
            statement.execute("alter table messages add constraint pk_messages primary key (id, created_at)");
            statement.execute("alter table messages add constraint fk_messages_conversation_id foreign key (conversation_id)"
                    + " references conversations (id) on delete cascade");
            statement.execute("create index ix_messages_conversation_id_created_at on messages (conversation_id, created_at)");
            assertThat(Messages.single(connection, "select count(*) from messages_default")).as("every row in a monthly partition").isEqualTo("0");
        }
    }
}
