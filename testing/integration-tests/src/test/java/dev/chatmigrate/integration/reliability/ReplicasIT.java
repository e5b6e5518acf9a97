package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Eight replicas of a service start at once and each runs {@code chatmigrate migrate}: the lock makes them take turns. */
class ReplicasIT {

    private static final int REPLICAS = 8;

    @FreshDatabase
    private TestDatabase database;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("8 replicas migrating an empty database at once all succeed, each version is applied once, the schema is canonical")
    void eightReplicasOnAnEmptyDatabaseApplyEachVersionOnce(String engine) throws Exception {
        List<ChatmigrateProcess.Result> results = replicas(engine, "EMPTY");

        assertThat(appliedTimes(results)).isEqualTo(ChatbotSchema.VERSIONS.stream().collect(java.util.stream.Collectors.toMap(v -> v.number(), v -> 1)));
        assertRecordedOnce(engine);
        assertThat(Chatbot.drift(database, ChatbotSchema.LATEST_VERSION).isClean()).as("%s", Chatbot.drift(database, ChatbotSchema.LATEST_VERSION)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("8 replicas upgrading a database at version 2 with rows apply versions 3 and 4 once and keep every row")
    void eightReplicasUpgradingRowsKeepEveryRow(String engine) throws Exception {
        ChatmigrateProcess.Result first = ChatmigrateProcess.run(Chatbot.environment(database, engine), "migrate", "--target", "2");
        assertThat(first.exitCode()).as("%s", first).isZero();
        try (Connection connection = database.connect()) {
            SampleRows.insert(connection, "public");
        }
        DataFingerprint before = Chatbot.rows(database);

        List<ChatmigrateProcess.Result> results = replicas(engine, "BEHIND");

        assertThat(appliedTimes(results)).isEqualTo(ChatbotSchema.VERSIONS.stream().filter(v -> v.number() >= 3).collect(java.util.stream.Collectors.toMap(v -> v.number(), v -> 1)));
        assertRecordedOnce(engine);
        assertThat(Chatbot.drift(database, ChatbotSchema.LATEST_VERSION).isClean()).as("%s", Chatbot.drift(database, ChatbotSchema.LATEST_VERSION)).isTrue();
        assertThat(Chatbot.rows(database)).isEqualTo(before);
        assertThat(before.totalRows()).isEqualTo(5);
    }

    private List<ChatmigrateProcess.Result> replicas(String engine, String state) {
        long started = System.nanoTime();
        List<ChatmigrateProcess> processes = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
            processes.add(ChatmigrateProcess.start(Chatbot.environment(database, engine), "migrate", "--json"));
        }
        List<ChatmigrateProcess.Result> results = processes.stream().map(p -> p.await(Duration.ofMinutes(3))).toList();
        long slowest = results.stream().mapToLong(r -> r.elapsed().toMillis()).max().orElseThrow();
        System.out.printf("[reliability] %d %s replicas on %s: all done in %d ms (slowest process %d ms)%n", REPLICAS, engine, state,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), slowest);
        results.forEach(result -> assertThat(result.exitCode()).as("%s", result).isZero());
        return results;
    }

    /** Version → how many replicas report having applied it, from their {@code --json} {@code steps}. */
    private static Map<Integer, Integer> appliedTimes(List<ChatmigrateProcess.Result> results) {
        Map<Integer, Integer> times = new TreeMap<>();
        for (ChatmigrateProcess.Result result : results) {
            for (JsonNode step : result.json().get("steps")) {
                times.merge(step.get("version").asInt(), 1, Integer::sum);
            }
        }
        return times;
    }

    private void assertRecordedOnce(String engine) throws Exception {
        try (Connection connection = database.connect()) {
            Map<String, Long> recorded = EngineHistory.timesRecorded(connection, engine);
            assertThat(recorded).containsKeys(EngineHistory.versionEntries(engine));
            assertThat(recorded.values()).as("times each history entry was recorded: %s", recorded).containsOnly(1L);
        }
    }
}
