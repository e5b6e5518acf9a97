package dev.chatmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.schema.ChatbotSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code cli/target/chatmigrate.jar}, run with {@code java -jar} in its own process, as a user runs it. */
class ChatmigrateJarIT {

    private static final Path JAR = Path.of("target", "chatmigrate.jar").toAbsolutePath();

    @TempDir
    Path workingDirectory;

    @FreshDatabase
    private TestDatabase database;

    private CommandRun chatmigrate(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return CommandRun.run(command, workingDirectory, environment);
    }

    private String url() {
        return database.database().jdbcUrl() + "?user=" + database.database().user();
    }

    @Test
    @DisplayName("migrate --engine flyway --url brings an empty database to the latest version; verify passes; a second migrate is a no-op")
    void migrateVerifyMigrate() throws Exception {
        CommandRun migrate = chatmigrate(Map.of(), "migrate", "--engine", "flyway", "--url", url());
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("migrated from version 0 to " + ChatbotSchema.LATEST_VERSION);

        CommandRun verify = chatmigrate(Map.of("DATABASE_URL", url()), "verify");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("matches version " + ChatbotSchema.LATEST_VERSION);

        CommandRun again = chatmigrate(Map.of("DATABASE_URL", url(), "CHATMIGRATE_ENGINE", "flyway"), "migrate");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("nothing to apply");
    }

    @Test
    @DisplayName("a conflicting table is refused with exit code 4 and one clear message, no stack trace")
    void conflictIsExit4() throws Exception {
        try (Connection connection = database.connect()) {
            DatabaseState.CONFLICT.prepare(connection, "public");
        }

        CommandRun migrate = chatmigrate(Map.of("DATABASE_URL", url()), "migrate");

        assertThat(migrate.exitCode()).isEqualTo(4);
        assertThat(migrate.err()).contains("messages.conversation_id: expected type uuid, found text").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("without a database, an embedded PostgreSQL is used and kept: migrate, then status sees the latest version")
    void embeddedDefault() throws Exception {
        CommandRun migrate = chatmigrate(Map.of(), "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.err()).contains("using an embedded PostgreSQL").contains(".chatmigrate");

        CommandRun status = chatmigrate(Map.of(), "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("at version " + ChatbotSchema.LATEST_VERSION).contains("up to date");
    }

    @Test
    @DisplayName("compare --json times every engine on every state in forked JVMs, verifies each, puts the plain engine's figures beside"
            + " each engine's on EMPTY and COMPLETE, and writes the report and chart")
    void compare() throws Exception {
        Path report = workingDirectory.resolve("report");

        CommandRun compare = chatmigrate(Map.of("DATABASE_URL", url()), "compare", "--json", "--runs", "1", "--out", report.toString());

        assertThat(compare.exitCode()).as(compare.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(compare.out());
        assertThat(rows).hasSize(4 * DatabaseState.MEASURED.size());
        for (JsonNode row : rows) {
            assertThat(row.get("verified").asBoolean()).as("%s", row).isTrue();
            assertThat(row.get("coldMs").asDouble()).as("%s", row).isPositive();
            assertThat(row.get("warmMs").asDouble()).as("%s", row).isPositive();
        }
        for (JsonNode row : rows) {
            boolean plain = !row.get("engine").asText().equals("jdbc") && !row.get("state").asText().equals("PARTIAL");
            assertThat(row.has("plainColdMs")).as("%s", row).isEqualTo(plain);
            assertThat(row.has("plainWarmMs")).as("%s", row).isEqualTo(plain);
            if (plain) {
                assertThat(row.get("plainColdMs").asDouble()).as("%s", row).isPositive();
                assertThat(row.get("plainWarmMs").asDouble()).as("%s", row).isPositive();
            }
        }
        assertThat(rows.findValuesAsText("engine")).containsOnly("jdbc", "flyway", "liquibase", "mybatis");
        assertThat(rows.findValuesAsText("state")).containsOnly("EMPTY", "PARTIAL", "COMPLETE");
        assertThat(compare.err()).contains("compare: flyway on PARTIAL");
        assertThat(Files.readString(report.resolve("compare.md"))).contains("| mybatis | COMPLETE |").contains("plain cold ms")
                .contains("compare.png");
        assertThat(Files.readAllBytes(report.resolve("compare.png"))).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    @DisplayName("--verbose shows the stack trace that is otherwise hidden")
    void verboseShowsStackTraces() throws Exception {
        CommandRun quiet = chatmigrate(Map.of("CHATMIGRATE_CONNECT_TIMEOUT", "1s"), "migrate", "--url", "postgresql://bot:hunter2@127.0.0.1:1/chat", "--engine", "flyway");
        CommandRun verbose = chatmigrate(Map.of("CHATMIGRATE_CONNECT_TIMEOUT", "1s"), "migrate", "--verbose", "--url", "postgresql://bot:hunter2@127.0.0.1:1/chat");

        assertThat(quiet.exitCode()).isEqualTo(3);
        assertThat(verbose.exitCode()).isEqualTo(3);
        assertThat(quiet.err()).doesNotContain("\tat ").doesNotContain("hunter2");
        assertThat(verbose.err()).contains("\tat ").doesNotContain("hunter2");
    }
}
