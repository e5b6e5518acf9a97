package dev.chatmigrate.benchmarks;

import dev.chatmigrate.cli.network.LatencyProxy;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Replicas restarting together: {@code N} whole {@code chatmigrate migrate} processes started at once on an
 * up-to-date database, through a {@link LatencyProxy} at 0 ms (a local network) and at a given RTT, alternating.
 * Prints the wall time until the last one exited, per run, and the medians.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.chatmigrate.benchmarks.ReplicaRestarts [ENGINE] [REPLICAS] [RTT_MS] [RUNS]
 * }</pre>
 * Defaults: {@code flyway 8 50 3}.
 */
public final class ReplicaRestarts {

    private ReplicaRestarts() {
    }

    public static void main(String[] args) throws Exception {
        String engine = args.length > 0 ? args[0] : "flyway";
        int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Duration rtt = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 50);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path launcher = CliJar.locate().resolveSibling("chatmigrate");
        TestPostgres server = BenchServer.get();
        ExecutorService starter = Executors.newFixedThreadPool(replicas);
        try (TestDatabase database = server.createDatabase()) {
            Database owner = RoundTrips.owner(server, database);
            RoundTrips.migrate(launcher, engine, owner);
            long[] local = new long[runs];
            long[] remote = new long[runs];
            for (int run = 0; run < runs; run++) {
                local[run] = together(starter, launcher, engine, owner, replicas, Duration.ZERO);
                remote[run] = together(starter, launcher, engine, owner, replicas, rtt);
                System.out.printf("run %d: %d replicas of %s, last exit after %d ms at 0 ms RTT, %d ms at %d ms RTT%n",
                        run + 1, replicas, engine, local[run], remote[run], rtt.toMillis());
            }
            System.out.printf("median: %d ms at 0 ms, %d ms at %d ms RTT (difference %d ms)%n", median(local), median(remote), rtt.toMillis(),
                    median(remote) - median(local));
        } finally {
            starter.shutdown();
        }
    }

    /** Starts the replicas at once through a proxy at {@code rtt}; the time until the last one exited 0. */
    private static long together(ExecutorService starter, Path launcher, String engine, Database owner, int replicas, Duration rtt) {
        try (LatencyProxy proxy = LatencyProxy.to(owner, rtt)) {
            long start = System.nanoTime();
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                running.add(CompletableFuture.runAsync(() -> RoundTrips.migrate(launcher, engine, proxy.through(owner)), starter));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            return Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
