package dev.chatmigrate.core.fleet;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.Secrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs {@link TargetWork} on every target with a fixed number of workers: the canaries first (a failure among them
 * leaves every other target not run), then the rest; with fail-fast, the first failure leaves the targets not yet
 * started not run. A target's failure is its own: the others go on.
 */
final class FleetRun {

    private final Consumer<ChatmigrateConfiguration> configuration;
    private final int workers;
    private final boolean failFast;
    private final int canaries;
    private final Consumer<TargetResult> progress;
    private final BoundedConnections connections;
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile String stopReason = "";

    FleetRun(Consumer<ChatmigrateConfiguration> configuration, int workers, boolean failFast, int canaries, Consumer<TargetResult> progress,
             Duration connectionWait) {
        this.configuration = configuration;
        this.workers = workers;
        this.failFast = failFast;
        this.canaries = canaries;
        this.progress = progress;
        this.connections = new BoundedConnections(workers, connectionWait);
    }

    FleetReport run(List<FleetTarget> targets, List<TargetResult> unreachable, String engine, TargetWork work) {
        long started = System.nanoTime();
        unreachable.forEach(this::report);
        List<TargetResult> results = new ArrayList<>(unreachable);
        if (!unreachable.isEmpty() && failFast) {
            stop("a database could not be listed and --fail-fast is set");
        }
        int canaryCount = Math.min(canaries, targets.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, new Workers());
        try {
            results.addAll(phase(pool, targets.subList(0, canaryCount), engine, work));
            if (canaryCount > 0 && results.stream().anyMatch(TargetResult::failed)) {
                stop("a canary failed");
            }
            results.addAll(phase(pool, targets.subList(canaryCount, targets.size()), engine, work));
        } finally {
            pool.shutdownNow();
        }
        return new FleetReport(results, Duration.ofNanos(System.nanoTime() - started), workers, connections.perServer(), connections.most());
    }

    private List<TargetResult> phase(ExecutorService pool, List<FleetTarget> targets, String engine, TargetWork work) {
        List<Future<TargetResult>> running = new ArrayList<>();
        for (FleetTarget target : targets) {
            running.add(pool.submit(() -> stop.get() ? TargetResult.notRun(target, engine, "not run: " + stopReason) : report(runOne(target, work))));
        }
        List<TargetResult> results = new ArrayList<>();
        for (Future<TargetResult> result : running) {
            try {
                results.add(result.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the fleet ran", e);
            }
        }
        return results;
    }

    private TargetResult runOne(FleetTarget target, TargetWork work) {
        long started = System.nanoTime();
        String engine = "?";
        try {
            ChatmigrateConfiguration each = Chatmigrate.configure();
            configuration.accept(each);
            Chatmigrate chatmigrate = each.dataSource(connections.dataSource(target)).schema(target.schema()).load();
            engine = chatmigrate.settings().engineId();
            TargetWork.Done done = work.run(chatmigrate);
            return new TargetResult(target, engine, done.versionBefore(), done.versionAfter(), since(started),
                    done.changed() ? TargetResult.Outcome.CHANGED : TargetResult.Outcome.UNCHANGED, Optional.empty(), done.note());
        } catch (MigrationException e) {
            return failed(target, engine, started, e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            return failed(target, engine, started, MigrationException.Kind.STEP_FAILED, String.valueOf(e.getMessage()));
        }
    }

    private TargetResult failed(FleetTarget target, String engine, long started, MigrationException.Kind kind, String message) {
        if (failFast) {
            stop(target.name() + " failed and fail-fast is set");
        }
        return new TargetResult(target, engine, -1, -1, since(started), TargetResult.Outcome.FAILED, Optional.of(kind), Secrets.redact(message));
    }

    private void stop(String reason) {
        if (stop.compareAndSet(false, true)) {
            stopReason = reason;
        }
    }

    private synchronized TargetResult report(TargetResult result) {
        progress.accept(result);
        return result;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Daemon threads named after the fleet, so that pg_stat_activity's owners are easy to tell apart in a thread dump. */
    private static final class Workers implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "chatmigrate-fleet-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
