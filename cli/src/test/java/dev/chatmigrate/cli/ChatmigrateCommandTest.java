package dev.chatmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.testing.Login;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.verifier.DataFingerprint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command as a user runs it, in process, against a real PostgreSQL: outputs and exit codes. */
class ChatmigrateCommandTest {

    private static final int LATEST = ChatbotSchema.LATEST_VERSION;
    private static final String ALL_VERSIONS = ChatbotSchema.VERSIONS.stream().map(v -> Integer.toString(v.number()))
            .collect(java.util.stream.Collectors.joining(", ", "[", "]"));

    private TestDatabase database;
    private final Map<String, String> environment = new HashMap<>();
    private String out;
    private String err;

    @BeforeEach
    void createDatabase() {
        database = TestPostgres.server().createDatabase();
        environment.put("DATABASE_URL", database.database().jdbcUrl() + "?user=" + database.database().user());
        environment.put("CHATMIGRATE_CONNECT_TIMEOUT", "10s");
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    static List<String> engines() {
        return MigrationEngines.ids();
    }

    private int chatmigrate(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exitCode = ChatmigrateCommand.run(environment, new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
        out = stdout.toString();
        err = stderr.toString();
        return exitCode;
    }

    private DataFingerprint fingerprint() throws SQLException {
        try (Connection connection = database.connect()) {
            return DataFingerprint.of(connection, "public");
        }
    }

    @Nested
    @DisplayName("from each database state")
    class States {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.chatmigrate.cli.ChatmigrateCommandTest#engines")
        @DisplayName("EMPTY: migrate applies every version, verify passes, a second migrate is a no-op")
        void empty(String engine) {
            environment.put("CHATMIGRATE_ENGINE", engine);
            assertThat(chatmigrate("migrate", "--engine", engine)).isZero();
            assertThat(out).contains(engine + ": schema public migrated from version 0 to " + LATEST).contains("version " + LATEST);

            assertThat(chatmigrate("verify")).isZero();
            assertThat(out).contains("matches version " + LATEST).contains("smoke check passed");

            assertThat(chatmigrate("migrate")).isZero();
            assertThat(out).contains("is at version " + LATEST + ", nothing to apply");

            assertThat(chatmigrate("status")).isZero();
            assertThat(out).contains("at version " + LATEST + "; applied " + ALL_VERSIONS + "; up to date");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.chatmigrate.cli.ChatmigrateCommandTest#engines")
        @DisplayName("PARTIAL and UNTRACKED: adopted, rows kept, verify passes")
        void partialAndUntracked(String engine) throws SQLException {
            environment.put("CHATMIGRATE_ENGINE", engine);
            try (Connection connection = database.connect()) {
                DatabaseState.UNTRACKED.prepare(connection, "public");
            }
            DataFingerprint before = fingerprint();

            assertThat(chatmigrate("migrate")).isZero();
            assertThat(out).contains("adopted: renamed constraint conversations_pkey on conversations to pk_conversations");
            assertThat(fingerprint()).isEqualTo(before);
            assertThat(chatmigrate("verify")).isZero();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.chatmigrate.cli.ChatmigrateCommandTest#engines")
        @DisplayName("BEHIND: --target 2, then migrate brings it to the latest")
        void behind(String engine) {
            environment.put("CHATMIGRATE_ENGINE", engine);
            assertThat(chatmigrate("migrate", "--target", "2")).isZero();
            assertThat(chatmigrate("status")).isZero();
            assertThat(out).contains("at version 2").contains("pending " + java.util.stream.IntStream.rangeClosed(3, LATEST).boxed().toList());

            assertThat(chatmigrate("migrate")).isZero();
            assertThat(out).contains("from version 2 to " + LATEST);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.chatmigrate.cli.ChatmigrateCommandTest#engines")
        @DisplayName("CONFLICT: refused with exit 4, naming the column, nothing changed")
        void conflict(String engine) throws SQLException {
            environment.put("CHATMIGRATE_ENGINE", engine);
            try (Connection connection = database.connect()) {
                DatabaseState.CONFLICT.prepare(connection, "public");
            }

            assertThat(chatmigrate("migrate")).isEqualTo(4);
            assertThat(err).contains("column messages.conversation_id: expected type uuid, found text").contains("nothing was changed");
            assertThat(chatmigrate("verify")).isEqualTo(4);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.chatmigrate.cli.ChatmigrateCommandTest#engines")
        @DisplayName("downgrade that would drop rows is refused with exit 6; with --allow-data-loss it runs, and migrate restores")
        void downgradeGuard(String engine) throws SQLException {
            environment.put("CHATMIGRATE_ENGINE", engine);
            assertThat(chatmigrate("migrate")).isZero();
            try (Connection connection = database.connect()) {
                SampleRows.insert(connection, "public");
            }

            assertThat(chatmigrate("downgrade", "--target", "1")).isEqualTo(6);
            assertThat(err).contains("table messages with " + SampleRows.MESSAGES + " rows").contains("--allow-data-loss");
            assertThat(fingerprint().totalRows()).isEqualTo(SampleRows.CONVERSATIONS + SampleRows.MESSAGES);

            assertThat(chatmigrate("downgrade", "--target", "3")).isZero();
            assertThat(out).contains("downgraded from version " + LATEST + " to 3");
            assertThat(chatmigrate("downgrade", "--target", "1", "--allow-data-loss")).isZero();
            assertThat(fingerprint().tables()).containsOnlyKeys("conversations");
            assertThat(chatmigrate("migrate")).isZero();
            assertThat(chatmigrate("verify")).isZero();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.chatmigrate.cli.ChatmigrateCommandTest#engines")
        @DisplayName("drift after a migrate makes verify exit 4 with the difference")
        void drift(String engine) throws SQLException {
            environment.put("CHATMIGRATE_ENGINE", engine);
            assertThat(chatmigrate("migrate")).isZero();
            try (Connection connection = database.connect()) {
                connection.createStatement().execute("alter table messages drop constraint ck_messages_role");
            }

            assertThat(chatmigrate("verify")).isEqualTo(4);
            assertThat(out).contains("constraint ck_messages_role: expected CHECK");
        }
    }

    @Nested
    @DisplayName("--json prints one JSON document per command")
    class Json {

        private final ObjectMapper mapper = new ObjectMapper();

        @Test
        void migrateStatusAndVerify() throws Exception {
            assertThat(chatmigrate("migrate", "--json")).isZero();
            JsonNode migrate = mapper.readTree(out);
            assertThat(migrate.get("engine").asText()).isEqualTo("flyway");
            assertThat(migrate.get("versionBefore").asInt()).isZero();
            assertThat(migrate.get("versionAfter").asInt()).isEqualTo(LATEST);
            assertThat(migrate.get("steps")).hasSize(LATEST);
            assertThat(migrate.get("steps").get(LATEST - 1).get("version").asInt()).isEqualTo(LATEST);

            assertThat(chatmigrate("status", "--json")).isZero();
            assertThat(mapper.readTree(out).get("upToDate").asBoolean()).isTrue();

            try (Connection connection = database.connect()) {
                connection.createStatement().execute("alter table conversations alter column title type text");
            }
            assertThat(chatmigrate("verify", "--json")).isEqualTo(4);
            JsonNode verify = mapper.readTree(out);
            assertThat(verify.get("clean").asBoolean()).isFalse();
            assertThat(verify.get("drift").get(0).get("object").asText()).isEqualTo("column title");
            assertThat(verify.get("drift").get(0).get("found").asText()).isEqualTo("text null");
            assertThat(verify.get("drift").get(0).get("advice").asText()).isEmpty();
        }

        @Test
        void verifyNamesWhatToDoWhereThereIsMoreToSay() throws Exception {
            assertThat(chatmigrate("migrate")).isZero();
            try (Connection connection = database.connect()) {
                connection.createStatement().execute("alter table messages drop constraint ck_messages_role;"
                        + " alter table messages add constraint ck_messages_role check (role in ('system', 'user', 'assistant', 'tool')) not valid");
            }

            assertThat(chatmigrate("verify", "--json")).isEqualTo(4);

            JsonNode drift = mapper.readTree(out).get("drift").get(0);
            assertThat(drift.get("object").asText()).isEqualTo("constraint ck_messages_role");
            assertThat(drift.get("advice").asText()).contains("run migrate again");
        }

        @Test
        void errorsAreJsonToo() throws Exception {
            assertThat(chatmigrate("migrate", "--json", "--engine", "nope")).isEqualTo(2);
            JsonNode error = mapper.readTree(out);
            assertThat(error.get("exitCode").asInt()).isEqualTo(2);
            assertThat(error.get("error").asText()).contains("Unknown migration engine 'nope'");
        }
    }

    @Nested
    @DisplayName("bad input gets one clear line and the right exit code")
    class BadInput {

        @Test
        void unknownEngineIsExit2ListingTheKnownOnes() {
            assertThat(chatmigrate("migrate", "--engine", "liquibaze")).isEqualTo(2);
            assertThat(err).contains("Unknown migration engine 'liquibaze': expected one of").contains("flyway");
        }

        @Test
        void malformedAndForeignUrlsAreExit2WithoutThePassword() {
            assertThat(chatmigrate("migrate", "--url", "mysql://bot:hunter2@db/chat")).isEqualTo(2);
            assertThat(err).contains("is not valid").doesNotContain("hunter2");
            assertThat(chatmigrate("migrate", "--url", "postgresql://")).isEqualTo(2);
        }

        @Test
        void unknownCommandTargetAndDurationAreExit2() {
            assertThat(chatmigrate("frobnicate")).isEqualTo(2);
            assertThat(chatmigrate("downgrade")).isEqualTo(2);
            assertThat(err).contains("--target");
            assertThat(chatmigrate("migrate", "--target", "99")).isEqualTo(2);
            assertThat(err).contains("version 99").contains("from 1 to " + LATEST);
            environment.put("CHATMIGRATE_CONNECT_TIMEOUT", "soon");
            assertThat(chatmigrate("migrate")).isEqualTo(2);
            assertThat(err).contains("CHATMIGRATE_CONNECT_TIMEOUT").contains("'soon'");
        }

        @Test
        void wrongPasswordIsExit3AtOnceWithoutThePassword() {
            Login user = TestPostgres.server().passwordUser(database, "correct horse");
            environment.put("DATABASE_URL", user.jdbcUrl());
            environment.put("DATABASE_USER", user.user());
            environment.put("DATABASE_PASSWORD", "battery staple");

            assertThat(chatmigrate("migrate")).isEqualTo(3);

            assertThat(err).contains("28P01").contains("DATABASE_PASSWORD").doesNotContain("battery staple");
            assertThat(err).as("failed on the first attempt").contains("retrying cannot help").doesNotContain("attempts");
        }

        @Test
        void unknownDatabaseIsExit3() {
            environment.put("DATABASE_URL", database.database().withDatabaseName("no_such_database").jdbcUrl() + "?user=postgres");

            assertThat(chatmigrate("migrate")).isEqualTo(3);
            assertThat(err).contains("3D000").contains("does not exist");
        }

        @Test
        @DisplayName("CHATMIGRATE_ENABLED=false: migrate changes nothing and fails (exit 4) on a schema older than the target")
        void disabledMigrateRefusesAnOlderSchemaAndChangesNothing() throws SQLException {
            environment.put("CHATMIGRATE_ENABLED", "false");

            assertThat(chatmigrate("migrate")).isEqualTo(4);
            assertThat(err).contains("migrations are disabled (CHATMIGRATE_ENABLED=false from CHATMIGRATE_ENABLED)")
                    .contains("is at version 0 where version " + LATEST + " is needed; nothing was changed");
            assertThat(fingerprint().tables()).isEmpty();
        }

        @Test
        @DisplayName("CHATMIGRATE_ENABLED=false: migrate on a schema at the target exits 0; status still works; downgrade is refused (exit 2)")
        void disabledMigrateAcceptsASchemaAtTheTarget() {
            assertThat(chatmigrate("migrate", "--target", "2")).isZero();
            environment.put("CHATMIGRATE_ENABLED", "false");

            assertThat(chatmigrate("migrate", "--target", "2")).isZero();
            assertThat(out).contains("schema public is at version 2, nothing to apply");
            assertThat(chatmigrate("status")).isZero();
            assertThat(out).contains("is at version 2");
            assertThat(chatmigrate("downgrade", "--target", "1")).isEqualTo(2);
            assertThat(err).contains("Migrations are disabled (enabled=false)").contains("Set CHATMIGRATE_ENABLED.");
            assertThat(chatmigrate("status")).isZero();
            assertThat(out).as("the refused downgrade changed nothing").contains("is at version 2");
        }
    }

    @Nested
    @DisplayName("picocli is given only the subcommands the arguments name")
    class Subcommands {

        @Test
        void aNamedCommandIsTheOnlyOneBuilt() {
            assertThat(ChatmigrateCommand.subcommandsNamedIn("--engine", "liquibase", "migrate")).containsExactly(MigrateCommand.class);
            assertThat(ChatmigrateCommand.subcommandsNamedIn("status", "--schema", "verify"))
                    .as("a value that is also a command's name").containsExactly(StatusCommand.class, VerifyCommand.class);
        }

        @Test
        void helpAndTyposGetEveryCommand() {
            assertThat(ChatmigrateCommand.subcommandsNamedIn("--help")).isEqualTo(ChatmigrateCommand.SUBCOMMANDS);
            assertThat(chatmigrate("--help")).isZero();
            assertThat(out).contains("migrate", "plan", "status", "verify", "downgrade", "compare");
            assertThat(chatmigrate("migrat")).isEqualTo(2);
            assertThat(err).contains("Unmatched argument at index 0: 'migrat'");
        }

        @Test
        void aNamedCommandStillInheritsTheRootOptions() {
            environment.put("CHATMIGRATE_ENABLED", "false");

            assertThat(chatmigrate("migrate", "--engine", "mybatis", "--schema", "bot")).isEqualTo(4);
            assertThat(err).contains("migrations are disabled").contains("schema bot is at version 0");
        }
    }
}
