package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatmigrate.integration.reliability.cluster.Formation;
import dev.chatmigrate.integration.reliability.cluster.Node;
import dev.chatmigrate.integration.reliability.cluster.SharedFormation;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code migrate} on a real pg_auto_failover formation returns only once the standby has replayed it
 * ({@code CHATMIGRATE_REPLICA_WAIT}), or exits 7 naming the standby that had not, the migration itself complete on the
 * primary. Shares the formation of {@link ClusterFailoverIT} ({@link SharedFormation}).
 */
class ClusterReplicasIT {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    @RegisterExtension
    static final SharedFormation CLUSTER = new SharedFormation();
    private static Formation formation;

    @BeforeAll
    static void takeTheFormation() {
        formation = CLUSTER.formation();
        formation.awaitStable();
    }

    static List<String> slowReplayEngines() {
        return Engines.orAll("liquibase");
    }

    static List<String> pausedReplayEngines() {
        return Engines.orAll("flyway");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slowReplayEngines")
    @DisplayName("a standby reader delays the replay of version 5 (URL naming the standby first): migrate returns once the standby has messages.metadata, and says which host it used")
    void migrateReturnsOnceTheStandbyHasTheSchema(String engine) throws Exception {
        Node primary = formation.primary();
        Node standby = formation.standby();
        String database = newDatabase(engine);
        Map<String, String> environment = environment(engine, formation.libpqUrl(standby, database, ""));
        ChatmigrateProcess.Result first = ChatmigrateProcess.run(environment, "migrate", "--target", Integer.toString(ChatbotSchema.LATEST_VERSION - 1));
        assertThat(first.exitCode()).as("%s", first).isZero();

        ChatmigrateProcess.Result result;
        try (Connection reader = standby.connect(database); Statement statement = reader.createStatement()) {
            reader.setAutoCommit(false);
            statement.execute("select count(*) from messages"); // holds messages' lock: the standby cannot replay the ALTER TABLE
            ChatmigrateProcess migrate = ChatmigrateProcess.start(environment, "migrate", "--json");
            awaitError(migrate, "Waiting up to");
            assertThat(migrate.isAlive()).as("migrate waits for the standby while its replay is held up").isTrue();
            assertThat(hasMetadataColumn(standby, database)).as("the standby has not replayed version 5 yet").isFalse();
            reader.rollback();
            result = migrate.await(Duration.ofMinutes(2));
        }

        assertThat(hasMetadataColumn(standby, database)).as("messages.metadata on the standby right after migrate exited").isTrue();
        System.out.printf("[cluster] %s, migrate with a standby reader: exit %d in %d ms%n%s", engine, result.exitCode(),
                result.elapsed().toMillis(), result.err());
        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode report = result.json();
        assertThat(report.get("host").asText()).isEqualTo(primary.hostAndPort());
        assertThat(report.get("standbys")).hasSize(1);
        assertThat(report.get("standbys").get(0).get("name").asText()).isEqualTo(applicationName(primary));
        assertThat(report.get("standbys").get(0).get("replayed").asBoolean()).isTrue();

        ChatmigrateProcess.Result status = ChatmigrateProcess.run(environment, "status", "--json");
        assertThat(status.exitCode()).as("%s", status).isZero();
        JsonNode standbyStatus = status.json().get("standbys").get(0);
        assertThat(standbyStatus.get("name").asText()).isEqualTo(applicationName(primary));
        assertThat(standbyStatus.get("referenceLsn").asText()).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(standbyStatus.get("replayLsn").asText()).matches("[0-9A-F]+/[0-9A-F]+");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pausedReplayEngines")
    @DisplayName("the standby's replay paused and a replica wait of 2 s: exit 7 naming the standby and its lag, the migration complete on the primary; resumed, the next run is a no-op")
    void pausedReplayExitsSevenAndTheNextRunIsANoOp(String engine) throws Exception {
        Node primary = formation.primary();
        Node standby = formation.standby();
        String database = newDatabase(engine);
        Map<String, String> environment = environment(engine, formation.jdbcUrl(primary, database, ""));
        ChatmigrateProcess.Result first = ChatmigrateProcess.run(environment, "migrate", "--target", "2");
        assertThat(first.exitCode()).as("%s", first).isZero();

        Map<String, String> impatient = new HashMap<>(environment);
        impatient.put("CHATMIGRATE_REPLICA_WAIT", "2s");
        ChatmigrateProcess.Result result;
        replay(standby, "pause");
        try {
            result = ChatmigrateProcess.run(impatient, "migrate");
        } finally {
            replay(standby, "resume");
        }

        System.out.printf("[cluster] %s, migrate with the standby's replay paused: exit %d in %d ms%n%s", engine, result.exitCode(),
                result.elapsed().toMillis(), result.err());
        assertThat(result.exitCode()).as("%s", result).isEqualTo(7);
        assertThat(lastLine(result)).contains("migration itself is complete").contains(applicationName(primary))
                .contains("bytes behind").contains("CHATMIGRATE_REPLICA_WAIT").doesNotContain("\tat ");
        try (Connection connection = primary.connect(database)) {
            assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).isClean()).isTrue();
            assertThat(EngineHistory.timesRecorded(connection, engine)).containsKeys(EngineHistory.versionEntries(engine))
                    .allSatisfy((entry, times) -> assertThat(times).as(entry).isEqualTo(1L));
        }

        ChatmigrateProcess.Result next = ChatmigrateProcess.run(environment, "migrate");
        assertThat(next.exitCode()).as("%s", next).isZero();
        assertThat(next.out()).contains("nothing to apply");
    }

    private static String newDatabase(String engine) throws SQLException {
        String name = "replica_" + engine + "_" + DATABASES.incrementAndGet();
        formation.createDatabase(name);
        return name;
    }

    private static Map<String, String> environment(String engine, String url) {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", url);
        environment.put("CHATMIGRATE_ENGINE", engine);
        return environment;
    }

    /** The standby's {@code application_name} as the primary lists it in {@code pg_stat_replication}. */
    private static String applicationName(Node primary) throws SQLException {
        try (Connection connection = primary.connect("postgres"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select application_name from pg_stat_replication")) {
            assertThat(row.next()).as("the primary streams to a standby").isTrue();
            return row.getString(1);
        }
    }

    private static boolean hasMetadataColumn(Node standby, String database) throws SQLException {
        try (Connection connection = standby.connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from pg_attribute where attrelid = to_regclass('public.messages')"
                     + " and attname = 'metadata' and not attisdropped")) {
            row.next();
            return row.getInt(1) == 1;
        }
    }

    private static void replay(Node standby, String action) throws SQLException {
        try (Connection connection = standby.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("select pg_wal_replay_" + action + "()");
        }
    }

    private static void awaitError(ChatmigrateProcess migrate, String text) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!migrate.errSoFar().contains(text)) {
            if (!migrate.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("migrate never said '" + text + "': " + migrate.await(Duration.ofSeconds(10)));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static String lastLine(ChatmigrateProcess.Result result) {
        return result.err().strip().lines().reduce((first, second) -> second).orElse("");
    }
}
