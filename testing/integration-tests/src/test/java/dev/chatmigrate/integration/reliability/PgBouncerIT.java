package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.testing.online.RefusingThenForwardingProxy;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.lock.AdvisoryLock;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.LockTimeoutException;
import dev.chatmigrate.verifier.DataFingerprint;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * chatmigrate behind a real PgBouncer in transaction mode (two server connections per pool): consecutive
 * transactions of one client may run on different server connections, and another client may be handed the
 * server connection that holds a session lock. chatmigrate's lock stays exclusive there, and migrations are
 * refused (the engines keep session state) with a message that names the direct URL.
 */
class PgBouncerIT {

    private TestDatabase database;
    private PgBouncer bouncer;

    @BeforeEach
    void startPgBouncer() {
        assumeTrue(PgBouncer.executable().isPresent(), "pgbouncer is not installed (apt-get install pgbouncer; .ci/run installs it)");
        database = TestPostgres.server().createDatabase();
        URI server = URI.create(database.database().jdbcUrl().substring("jdbc:".length()));
        bouncer = PgBouncer.start("127.0.0.1", server.getPort(), database.database().user(), 2);
    }

    @AfterEach
    void stop() {
        if (bouncer != null) {
            bouncer.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private Database throughBouncer() {
        return new Database("jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/" + database.name() + "?prepareThreshold=0",
                database.database().user(), null);
    }

    @Test
    @DisplayName("through a transaction pooler, a second client cannot take the chatmigrate lock while the first holds it")
    void lockIsExclusiveThroughATransactionPooler() throws Exception {
        try (Connection first = throughBouncer().open("first", Duration.ofSeconds(10));
             Connection second = throughBouncer().open("second", Duration.ofSeconds(10));
             AdvisoryLock held = AdvisoryLock.acquire(first, "public", Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> AdvisoryLock.acquire(second, "public", Duration.ofSeconds(2)).close())
                    .as("the second client must not get the lock: %s", bouncer.log()).isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("application 'first'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("8 replicas migrating through PgBouncer are all refused with exit 2 naming the direct URL, and nothing is changed")
    void eightReplicasThroughThePoolerAreRefusedAndChangeNothing(String engine) throws Exception {
        try (Connection connection = database.connect()) {
            DatabaseState.UNTRACKED.prepare(connection, "public");
        }
        String catalogBefore = Catalog.of(database);
        DataFingerprint rowsBefore = Chatbot.rows(database);
        String url = throughBouncer().jdbcUrl() + "&user=" + database.database().user();

        List<ChatmigrateProcess> processes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            processes.add(ChatmigrateProcess.start(Map.of("DATABASE_URL", url, "CHATMIGRATE_ENGINE", engine), "migrate"));
        }
        for (ChatmigrateProcess process : processes) {
            ChatmigrateProcess.Result result = process.await(Duration.ofMinutes(2));
            assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
            assertThat(result.err().strip().lines()).as("%s", result).hasSize(1).first().asString()
                    .contains("transaction pooler").contains("Use the direct URL").contains("Nothing was changed");
        }

        assertThat(Catalog.of(database)).isEqualTo(catalogBefore);
        assertThat(Chatbot.rows(database)).isEqualTo(rowsBefore);
    }

    @Test
    @DisplayName("a plain TCP proxy is not mistaken for a pooler: migrate through it succeeds")
    void plainTcpProxyIsNotAPooler() throws Exception {
        URI server = URI.create(database.database().jdbcUrl().substring("jdbc:".length()));
        try (RefusingThenForwardingProxy proxy = RefusingThenForwardingProxy.start("127.0.0.1", server.getPort(), Duration.ZERO)) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name() + "?user=" + database.database().user();
            ChatmigrateProcess.Result result = ChatmigrateProcess.run(Map.of("DATABASE_URL", url, "CHATMIGRATE_CONNECT_TIMEOUT", "10s"), "migrate");

            assertThat(result.exitCode()).as("%s", result).isZero();
        }
        assertThat(Chatbot.drift(database, ChatbotSchema.LATEST_VERSION).isClean()).as("%s", Chatbot.drift(database, ChatbotSchema.LATEST_VERSION)).isTrue();
    }
}
