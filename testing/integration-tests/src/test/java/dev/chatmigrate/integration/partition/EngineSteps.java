package dev.chatmigrate.integration.partition;

import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.integration.reliability.ChatmigrateProcess;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.testing.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The version steps of one engine on a test database with a DDL lock timeout of its own and a lock timeout of 60 s: as
 * a {@code chatmigrate} process for the engines users select, in this JVM for the {@code jdbc} baseline (which users
 * never select, so the command does not offer it), its sessions named {@code chatmigrate-jdbc pid N} like a process's.
 */
final class EngineSteps {

    /** A step under way. */
    interface Running {
        ChatmigrateProcess.Result await(Duration timeout) throws Exception;
    }

    private final TestDatabase database;
    private final String engine;
    private final Duration ddlLockTimeout;

    EngineSteps(TestDatabase database, String engine, Duration ddlLockTimeout) {
        this.database = database;
        this.engine = engine;
        this.ddlLockTimeout = ddlLockTimeout;
    }

    /** Starts {@code migrate} to the latest version. */
    Running migrate() {
        return start(List.of("migrate"), () -> runner().migrate());
    }

    /** Starts {@code downgrade --target version --allow-data-loss}. */
    Running downgrade(int version) {
        return start(List.of("downgrade", "--target", Integer.toString(version), "--allow-data-loss"), () -> runner().downgrade(version, true));
    }

    private Running start(List<String> args, Supplier<Object> inThisJvm) {
        if (!engine.equals("jdbc")) {
            Map<String, String> environment = new HashMap<>(Messages.environment(database, engine));
            environment.put("CHATMIGRATE_DDL_LOCK_TIMEOUT", ddlLockTimeout.toMillis() + "ms");
            environment.put("CHATMIGRATE_LOCK_TIMEOUT", "60s");
            ChatmigrateProcess process = ChatmigrateProcess.start(environment, args.toArray(String[]::new));
            return process::await;
        }
        long started = System.nanoTime();
        CompletableFuture<Object> step = CompletableFuture.supplyAsync(inThisJvm);
        return timeout -> {
            int exitCode = 0;
            String report;
            try {
                report = String.valueOf(step.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                exitCode = 1;
                report = String.valueOf(e.getCause());
            }
            return new ChatmigrateProcess.Result(args, exitCode, report + "\n", "", Duration.ofNanos(System.nanoTime() - started));
        };
    }

    private MigrationRunner runner() {
        MigrationSettings given = database.settings(engine);
        MigrationSettings settings = new MigrationSettings(given.engineId(), given.dataSource(), given.schema(), given.connectTimeout(),
                Duration.ofSeconds(60), ddlLockTimeout);
        return new MigrationRunner(settings, MigrationEngines.measured(engine));
    }
}
