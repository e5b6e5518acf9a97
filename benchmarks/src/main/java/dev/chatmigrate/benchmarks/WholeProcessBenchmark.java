package dev.chatmigrate.benchmarks;

import dev.chatmigrate.testing.states.DatabaseState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code chatmigrate migrate --engine E --url U}, from process start to exit 0: JVM start, class
 * loading, connecting, locking, adopting and migrating, as a deployment's migrate step pays it; started
 * with {@code java -jar chatmigrate.jar} (the JVM's defaults) or with the launcher next to it,
 * {@code cli/target/chatmigrate} (the settings of a one-shot command). The schema is verified after the process exits, untimed. Compare with
 * {@link JvmStartBenchmark} for the part that is the JVM's.
 *
 * <p>Each measured process is a fresh JVM, so the benchmark's own JVM needs no fresh fork: one fork,
 * one warmup process (to bring the jar into the file cache), then one process per iteration.
 * {@code jdbc} is not an engine of the command, so it is not a parameter here. The jar is found by
 * {@link CliJar}; without it, every case fails at once with a message saying how to build it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Thread)
public class WholeProcessBenchmark {

    @Param({"flyway", "liquibase", "mybatis"})
    String engine;

    @Param({"EMPTY", "PARTIAL", "COMPLETE"})
    DatabaseState state;

    /** {@code defaults}: {@code java -jar chatmigrate.jar}; {@code launcher}: the launcher script next to the jar. */
    @Param({"defaults", "launcher"})
    String jvm;

    private Path cliJar;
    private BenchEngine benchEngine;
    private BenchDatabase database;
    private JavaProcess migrate;

    @Setup(Level.Trial)
    public void findJarAndEngine() {
        cliJar = CliJar.locate();
        benchEngine = BenchEngine.named(engine);
    }

    @Setup(Level.Iteration)
    public void prepareDatabase() {
        database = BenchDatabase.create(benchEngine, state, Preparation.IN_THIS_JVM);
        List<String> arguments = List.of("migrate", "--engine", engine, "--url", database.database().jdbcUrl());
        Map<String, String> credentials = JavaProcess.credentials(database.database());
        migrate = jvm.equals("launcher")
                ? JavaProcess.launcher(cliJar.resolveSibling("chatmigrate"), arguments, credentials)
                : JavaProcess.of(Stream.concat(Stream.of("-jar", cliJar.toString()), arguments.stream()).toList(), credentials);
    }

    @Benchmark
    public void migrateProcess() {
        migrate.run();
    }

    @TearDown(Level.Iteration)
    public void verifyAndDrop() {
        try {
            database.verifyLatest();
        } finally {
            database.close();
        }
    }
}
