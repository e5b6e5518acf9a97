package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.Login;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input given to the real process: one line on standard error that says what is wrong, the documented exit
 * code, no stack trace, and never the password, wherever the password was given.
 */
class HostileInputIT {

    /** A password that must never show up in any output. */
    private static final String SECRET = "S3cret-hostile-pw";
    private static final String UNREACHABLE = "postgresql://bot:" + SECRET + "@127.0.0.1:1/chat";

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.server().createDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of("a URL without a host", Map.of(), List.of("migrate", "--url", "postgresql://"), "no host is given"),
                Arguments.of("a MySQL URL", Map.of(), List.of("migrate", "--url", "mysql://bot:" + SECRET + "@db/chat"),
                        "the scheme is not postgresql://"),
                Arguments.of("a MySQL DATABASE_URL", Map.of("DATABASE_URL", "mysql://bot:" + SECRET + "@db/chat"), List.of("migrate"),
                        "the scheme is not postgresql://"),
                Arguments.of("an unknown engine", Map.of(), List.of("migrate", "--engine", "oracle", "--url", UNREACHABLE),
                        "Unknown migration engine 'oracle': expected one of flyway, liquibase, mybatis"),
                Arguments.of("an unknown command", Map.of(), List.of("frobnicate", "--url", UNREACHABLE), "'frobnicate'"),
                Arguments.of("target version 99", Map.of(), List.of("migrate", "--target", "99", "--url", UNREACHABLE),
                        "Cannot migrate to version 99 (from --target): it does not exist"),
                Arguments.of("a downgrade without a target", Map.of(), List.of("downgrade", "--url", UNREACHABLE), "--target"),
                Arguments.of("CHATMIGRATE_CONNECT_TIMEOUT=soon", Map.of("CHATMIGRATE_CONNECT_TIMEOUT", "soon"), List.of("migrate", "--url", UNREACHABLE),
                        "connect-timeout (from CHATMIGRATE_CONNECT_TIMEOUT) is 'soon'"),
                Arguments.of("CHATMIGRATE_LOCK_TIMEOUT=forever", Map.of("CHATMIGRATE_LOCK_TIMEOUT", "forever"), List.of("migrate", "--url", UNREACHABLE),
                        "CHATMIGRATE_LOCK_TIMEOUT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUsage")
    @DisplayName("bad usage or configuration exits 2 with one message naming the problem, before touching any database")
    void badUsageExits2WithOneMessage(String what, Map<String, String> environment, List<String> args, String expected) {
        ChatmigrateProcess.Result result = ChatmigrateProcess.run(environment, args.toArray(String[]::new));

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertOneCleanMessage(result, expected);
    }

    @Test
    @DisplayName("a wrong password exits 3 at once (no retrying), naming the user and never the password")
    void wrongPasswordExits3AtOnce() {
        Login user = TestPostgres.server().passwordUser(database, "the-right-" + SECRET);
        String url = user.jdbcUrl().replace("jdbc:postgresql://", "postgresql://" + user.user() + ":" + SECRET + "@");

        ChatmigrateProcess.Result result = ChatmigrateProcess.start(Map.of("CHATMIGRATE_CONNECT_TIMEOUT", "10m"), "migrate", "--url", url)
                .await(Duration.ofMinutes(1));

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertOneCleanMessage(result, "SQLState 28P01");
        assertThat(result.err()).contains(user.user()).contains("retrying cannot help").doesNotContain("attempts");
    }

    @Test
    @DisplayName("an unknown database exits 3 at once (no retrying), naming the database")
    void unknownDatabaseExits3AtOnce() {
        String url = database.database().withDatabaseName("no_such_chatbot_db").jdbcUrl()
                .replace("jdbc:postgresql://", "postgresql://postgres:" + SECRET + "@");

        ChatmigrateProcess.Result result = ChatmigrateProcess.start(Map.of("CHATMIGRATE_CONNECT_TIMEOUT", "10m"), "migrate", "--url", url)
                .await(Duration.ofMinutes(1));

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertOneCleanMessage(result, "no_such_chatbot_db");
        assertThat(result.err()).contains("SQLState 3D000").doesNotContain("attempts");
    }

    @Test
    @DisplayName("an unreachable host exits 3 after the connect timeout, saying how long and how often it tried")
    void unreachableHostExits3AfterTheConnectTimeout() {
        ChatmigrateProcess.Result result = ChatmigrateProcess.run(Map.of("CHATMIGRATE_CONNECT_TIMEOUT", "2s"), "migrate", "--url", UNREACHABLE);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertCleanFinalMessage(result, "within 2s");
        assertThat(result.err()).contains("attempts").contains("CHATMIGRATE_CONNECT_TIMEOUT");
        assertThat(result.elapsed()).as("kept trying for the whole connect timeout").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    private static void assertOneCleanMessage(ChatmigrateProcess.Result result, String expected) {
        assertThat(result.err().strip().lines()).as("%s", result).hasSize(1);
        assertCleanFinalMessage(result, expected);
    }

    /** The last line is the message; lines before it may only be retry progress ("Database not reachable yet ..."). */
    private static void assertCleanFinalMessage(ChatmigrateProcess.Result result, String expected) {
        assertThat(result.everything()).as("%s", result).doesNotContain(SECRET).doesNotContain("\tat ").doesNotContain("Exception");
        List<String> lines = result.err().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).as("%s", result).startsWith("chatmigrate: ").contains(expected);
        assertThat(lines.subList(0, lines.size() - 1)).as("%s", result).allMatch(line -> line.startsWith("chatmigrate: Database not reachable yet"));
    }
}
