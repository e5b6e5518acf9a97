package dev.chatmigrate.benchmarks;

import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.spi.MigrationReport;
import java.util.concurrent.TimeUnit;
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
 * {@code MigrationRunner.migrate()} in a JVM that has already migrated many databases: the engine's
 * steady-state cost, without class loading and JIT compilation.
 *
 * <p>EMPTY and PARTIAL need a fresh database for every invocation, made in a {@code Level.Invocation}
 * setup (JMH warns about that level; its timing overhead is microseconds, negligible beside a
 * migrate of milliseconds). A COMPLETE database stays complete, so one serves the whole trial. Every
 * invocation is verified afterwards, untimed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class WarmMigrateBenchmark {

    @Param({"jdbc", "flyway", "liquibase", "mybatis"})
    String engine;

    @Param({"EMPTY", "PARTIAL", "COMPLETE"})
    DatabaseState state;

    private BenchEngine benchEngine;
    private BenchDatabase database;

    @Setup(Level.Trial)
    public void findEngine() {
        benchEngine = BenchEngine.named(engine);
    }

    @Setup(Level.Invocation)
    public void prepareDatabase() {
        if (database == null) {
            database = BenchDatabase.create(benchEngine, state, Preparation.IN_THIS_JVM);
        }
    }

    @Benchmark
    public MigrationReport migrate() {
        return database.migrate();
    }

    @TearDown(Level.Invocation)
    public void verify() {
        try {
            database.verifyLatest();
        } finally {
            if (!BenchDatabase.survivesMigrate(state)) {
                dropDatabase();
            }
        }
    }

    @TearDown(Level.Trial)
    public void dropDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
