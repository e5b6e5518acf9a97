package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.integration.reliability.cluster.Formation;
import dev.chatmigrate.integration.reliability.cluster.Node;
import dev.chatmigrate.integration.reliability.cluster.SharedFormation;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The measurements on a real pg_auto_failover formation, for every engine: {@code migrate} from version 3 to the
 * latest on a {@code messages} table of {@code chatmigrate.benchmark.messages} rows (3,000,000 by default), through a URL
 * naming both nodes, (1) with a switchover 2 s after the process started, (2) with a {@code kill -9} of the primary 4 s
 * after, (3) undisturbed, the replica wait included. Each run records the process's wall time, its exit code, how long
 * no node accepted writes and whether the process had to reconnect (the disturbance hit the migration, not its end); rows are appended to {@code cli/target/cluster-benchmark.md}. Not a test of the default build
 * (its name ends in Benchmark); run it with
 * {@code ./mvnw -pl cli -am verify -Dtest=NoUnit -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterFailoverBenchmark
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dchatmigrate.benchmark.messages=3000000} ({@code -Dchatmigrate.benchmark.kill-at=2000}
 * kills earlier, {@code -Dit.test='ClusterFailoverBenchmark#kill*'} runs the kills only). Figures: benchmarks/README.md.
 */
class ClusterFailoverBenchmark {

    private static final int MESSAGES = Integer.getInteger("chatmigrate.benchmark.messages", 3_000_000);
    /** The monitor's timing: pg_auto_failover's defaults unless {@code chatmigrate.benchmark.timing} says FAST. */
    private static final Formation.Timing TIMING = Formation.Timing.valueOf(System.getProperty("chatmigrate.benchmark.timing", "DEFAULTS"));
    /** When the kill comes, in ms after the process started: {@code chatmigrate.benchmark.kill-at}, 4000 by default. */
    private static final long KILL_AT = Long.getLong("chatmigrate.benchmark.kill-at", 4_000);
    private static final Path RESULTS = Path.of("target", "cluster-benchmark.md");
    @RegisterExtension
    static final SharedFormation CLUSTER = new SharedFormation();
    private static Formation formation;
    private static int databases;
    private static final List<String> ROWS = new ArrayList<>();

    @BeforeAll
    static void takeTheFormation() throws SQLException {
        formation = CLUSTER.formation();
        formation.awaitStable();
        formation.use(TIMING);
    }

    @AfterAll
    static void writeResults() throws IOException, SQLException {
        formation.use(Formation.Timing.FAST);
        List<String> lines = new ArrayList<>(List.of("", "messages: " + MESSAGES + ", monitor timing: " + TIMING, "", "| engine | disturbance | exit | migrate wall time | no primary for | the run reconnected |",
                "|---|---|---|---|---|---|"));
        lines.addAll(ROWS);
        Files.write(RESULTS, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        lines.forEach(System.out::println);
    }

    /** Every engine, or those named in {@code chatmigrate.benchmark.engines} (comma-separated). */
    static List<String> engines() {
        String named = System.getProperty("chatmigrate.benchmark.engines", "");
        return named.isBlank() ? Engines.all() : List.of(named.split(","));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @DisplayName("switchover 2 s after migrate started")
    void switchover(String engine) throws Exception {
        run(engine, "switchover at +2 s", 2_000, () -> formation.switchover(), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @DisplayName("kill -9 of the primary 4 s (kill-at) after migrate started")
    void kill(String engine) throws Exception {
        Node[] killed = new Node[1];
        run(engine, "kill -9 of the primary at +" + KILL_AT / 1000.0 + " s", KILL_AT, () -> {
            killed[0] = formation.primary();
            formation.kill(killed[0]);
        }, () -> formation.restart(killed[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @DisplayName("undisturbed, the replica wait included")
    void replicaWait(String engine) throws Exception {
        run(engine, "none (replica wait)", -1, null, null);
    }

    private static void run(String engine, String disturbance, long afterMillis, Runnable disturb, Runnable restore) throws Exception {
        formation.awaitStable(); // a switchover returns before the old primary is a standby again
        String database = "bench_" + engine + "_" + ++databases;
        formation.createDatabase(database);
        Node primary = formation.primary();
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", formation.libpqUrl(formation.standby(), database, "target_session_attrs=read-write"));
        environment.put("CHATMIGRATE_ENGINE", engine);
        environment.put("CHATMIGRATE_CONNECT_TIMEOUT", "120s");
        ChatmigrateProcess.Result setup = ChatmigrateProcess.run(environment, "migrate", "--target", "3");
        assertThat(setup.exitCode()).as("%s", setup).isZero();
        long rows = fill(primary, database);

        PrimaryWatch watch = PrimaryWatch.start(formation.nodes());
        ChatmigrateProcess migrate = ChatmigrateProcess.start(environment, "migrate");
        // on a thread of its own: a switchover returns only once the old primary has rejoined, after the process may have ended
        Thread disturber = new Thread(() -> {
            try {
                Thread.sleep(afterMillis);
                disturb.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "disturbance");
        if (disturb != null) {
            disturber.start();
        }
        ChatmigrateProcess.Result result = migrate.await(Duration.ofMinutes(10));
        if (disturb != null) {
            disturber.join();
        }
        if (restore != null) {
            formation.awaitPrimary(Duration.ofMinutes(2));
        }
        long window = watch.stop();
        System.out.printf("[benchmark] %s, %s: exit %d in %d ms, no primary for %d ms%n%s", engine, disturbance, result.exitCode(),
                result.elapsed().toMillis(), window, result.err());
        ROWS.add("| " + engine + " | " + disturbance + " | " + result.exitCode() + " | " + seconds(result.elapsed().toMillis()) + " | "
                + (disturb == null ? "-" : seconds(window)) + " | " + (result.err().contains("not reachable yet") ? "yes" : "no") + " |");
        try {
            assertThat(result.exitCode()).as("%s", result).isZero();
            try (Connection connection = formation.primary().connect(database); Statement statement = connection.createStatement()) {
                assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).isClean()).isTrue();
                try (ResultSet count = statement.executeQuery("select count(*) from messages")) {
                    count.next();
                    assertThat(count.getLong(1)).as("messages kept").isEqualTo(rows);
                }
            }
        } finally {
            if (restore != null) {
                restore.run();
            }
        }
    }

    /** Sample rows and {@link #MESSAGES} more messages on the primary; returns the number of messages. */
    private static long fill(Node primary, String database) throws SQLException {
        try (Connection connection = primary.connect(database); Statement statement = connection.createStatement()) {
            SampleRows.insert(connection, "public");
            statement.execute("insert into messages (conversation_id, role, content, created_at)"
                    + " select '11111111-1111-1111-1111-111111111111', 'user', 'message ' || g,"
                    + " timestamptz '2026-01-01' + g * interval '1 second' from generate_series(1, " + MESSAGES + ") g");
            statement.execute("vacuum analyze messages");
            try (ResultSet count = statement.executeQuery("select count(*) from messages")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Polls every node every 100 ms; the longest time during which none accepted writes as pgJDBC judges a primary. */
    private static final class PrimaryWatch implements Runnable {

        private final List<Node> nodes;
        private final AtomicLong longest = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        private PrimaryWatch(List<Node> nodes) {
            this.nodes = nodes;
        }

        static PrimaryWatch start(List<Node> nodes) {
            PrimaryWatch watch = new PrimaryWatch(nodes);
            watch.thread = new Thread(watch, "primary-watch");
            watch.thread.setDaemon(true);
            watch.thread.start();
            return watch;
        }

        @Override
        public void run() {
            long since = -1;
            while (running) {
                boolean primary = nodes.stream().anyMatch(PrimaryWatch::acceptsWrites);
                long now = System.nanoTime();
                if (!primary && since < 0) {
                    since = now;
                } else if (primary && since >= 0) {
                    longest.accumulateAndGet((now - since) / 1_000_000, Math::max);
                    since = -1;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return longest.get();
        }

        private static boolean acceptsWrites(Node node) {
            try (Connection connection = node.connect("postgres"); Statement statement = connection.createStatement();
                 // pgJDBC's test of a primary: out of recovery is not enough, a promoted node may still be read-only
                 ResultSet row = statement.executeQuery("select not pg_is_in_recovery() and current_setting('transaction_read_only') = 'off'")) {
                return row.next() && row.getBoolean(1);
            } catch (SQLException down) {
                return false;
            }
        }
    }
}
