package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.testing.online.RefusingThenForwardingProxy;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database is down when {@code migrate} starts and comes up seconds later, as a suspended Neon compute wakes
 * up: a loopback proxy refuses connections for a while, then forwards them to the test server.
 */
class OutageAtStartIT {

    private TestDatabase database;

    @BeforeEach
    void createPartialDatabase() throws Exception {
        database = TestPostgres.server().createDatabase();
        try (Connection connection = database.connect()) {
            DatabaseState.PARTIAL.prepare(connection, "public");
        }
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("a database that refuses connections for 3 s is waited for within a 30 s connect timeout, then migrated with every row kept")
    void databaseWakingUpWithinTheConnectTimeoutIsMigrated(String engine) throws Exception {
        DataFingerprint before = Chatbot.rows(database);
        try (RefusingThenForwardingProxy proxy = proxy(Duration.ofSeconds(3))) {
            ChatmigrateProcess.Result result = ChatmigrateProcess.run(
                    Map.of("CHATMIGRATE_ENGINE", engine, "CHATMIGRATE_CONNECT_TIMEOUT", "30s", "DATABASE_URL", urlThrough(proxy)), "migrate");

            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.err()).contains("Database not reachable yet");
        }
        assertThat(Chatbot.drift(database, ChatbotSchema.LATEST_VERSION).isClean()).as("%s", Chatbot.drift(database, ChatbotSchema.LATEST_VERSION)).isTrue();
        Chatbot.assertRowsKept(database, before);
        assertThat(before.totalRows()).isEqualTo(2);
    }

    @Test
    @DisplayName("a database still down after the connect timeout (3 s) exits 3 with one clear message, and nothing is changed")
    void databaseDownBeyondTheConnectTimeoutExits3() throws Exception {
        String catalogBefore = Catalog.of(database);
        DataFingerprint before = Chatbot.rows(database);
        try (RefusingThenForwardingProxy proxy = proxy(Duration.ofSeconds(60))) {
            ChatmigrateProcess.Result result = ChatmigrateProcess.run(
                    Map.of("CHATMIGRATE_CONNECT_TIMEOUT", "3s", "DATABASE_URL", urlThrough(proxy)), "migrate");

            assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
            String message = result.err().strip().lines().reduce((first, second) -> second).orElseThrow();
            assertThat(message).startsWith("chatmigrate: Cannot connect to").contains("within 3s").contains("CHATMIGRATE_CONNECT_TIMEOUT");
            assertThat(result.err()).doesNotContain("\tat ");
        }
        assertThat(Catalog.of(database)).isEqualTo(catalogBefore);
        assertThat(Chatbot.rows(database)).isEqualTo(before);
    }

    private RefusingThenForwardingProxy proxy(Duration refuseFor) {
        URI server = URI.create(database.database().jdbcUrl().substring("jdbc:".length()));
        return RefusingThenForwardingProxy.start(server.getHost(), server.getPort(), refuseFor);
    }

    private String urlThrough(RefusingThenForwardingProxy proxy) {
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name() + "?user=" + database.database().user();
    }
}
