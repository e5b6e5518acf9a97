package dev.chatmigrate.integration.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatmigrate.integration.reliability.ChatmigrateProcess;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code chatmigrate partition --partman} on a PostgreSQL 15 server of Debian's with Debian's pg_partman 4.7
 * ({@code postgresql-15-partman}; skipped visibly without them): the converted table is registered with
 * {@code create_parent}, keeps the partitions the conversion made, and a partition pg_partman creates later carries
 * the canonical indexes.
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
}
