package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.lock.AdvisoryLock;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A stuck replica holds the chatmigrate lock: a new migrator gives up after the lock timeout and says who holds it. */
class LockHeldIT {

    @FreshDatabase
    private TestDatabase database;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("while another session holds the lock, migrate exits 5 after the lock timeout naming the holder, and changes nothing")
    void heldLockExits5NamingTheHolderAndChangesNothing(String engine) throws Exception {
        try (Connection connection = database.connect()) {
            DatabaseState.UNTRACKED.prepare(connection, "public");
        }
        String catalogBefore = Catalog.of(database);
        DataFingerprint rowsBefore = Chatbot.rows(database);
        Map<String, String> environment = new HashMap<>(Chatbot.environment(database, engine));
        environment.put("CHATMIGRATE_LOCK_TIMEOUT", "2s");

        ChatmigrateProcess.Result refused;
        try (Connection stuck = database.database().open("stuck-replica", Duration.ofSeconds(10));
             AdvisoryLock held = AdvisoryLock.acquire(stuck, "public", Duration.ofSeconds(5))) {
            refused = ChatmigrateProcess.run(environment, "migrate");

            assertThat(refused.exitCode()).as("%s", refused).isEqualTo(5);
            assertThat(refused.err()).contains("application 'stuck-replica'").contains("pid " + backendPid(stuck))
                    .contains("CHATMIGRATE_LOCK_TIMEOUT").doesNotContain("\tat ");
        }
        assertThat(Catalog.of(database)).isEqualTo(catalogBefore);
        assertThat(Chatbot.rows(database)).isEqualTo(rowsBefore);

        ChatmigrateProcess.Result afterRelease = ChatmigrateProcess.run(environment, "migrate");
        assertThat(afterRelease.exitCode()).as("once the holder lets go: %s", afterRelease).isZero();
        assertThat(Chatbot.drift(database, ChatbotSchema.LATEST_VERSION).isClean()).as("%s", Chatbot.drift(database, ChatbotSchema.LATEST_VERSION)).isTrue();
        assertThat(Chatbot.rows(database)).isEqualTo(rowsBefore);
    }

    @Test
    @DisplayName("the lock holder's open transaction does not hold back CREATE INDEX CONCURRENTLY on another connection")
    void heldLockDoesNotBlockAConcurrentIndexBuild() throws Exception {
        try (Connection connection = database.connect()) {
            DatabaseState.UNTRACKED.prepare(connection, "public");
        }
        try (Connection holder = database.database().open("lock-holder", Duration.ofSeconds(10));
             AdvisoryLock held = AdvisoryLock.acquire(holder, "public", Duration.ofSeconds(5));
             Connection builder = database.connect();
             Statement statement = builder.createStatement()) {
            statement.execute("set statement_timeout = '20s'"); // a build that waited for the holder would fail here, not hang
            statement.execute("create index concurrently ix_probe on messages (created_at)");
        }
        assertThat(Catalog.of(database)).contains("ix_probe").doesNotContain("INVALID");
    }

    private static int backendPid(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }
}
