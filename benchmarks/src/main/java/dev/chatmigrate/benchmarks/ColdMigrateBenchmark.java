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
 * The first {@code MigrationRunner.migrate()} in a fresh JVM: what a restarting service pays. One
 * single-shot measurement per fork, no warmup; the fork count ({@code -f}, 5 by default) is the sample size.
 *
 * <p>Untimed: the fork's database server, a fresh database in the starting state, and for COMPLETE
 * the earlier migrate by the same engine, which runs in a child JVM so that this one has never
 * loaded the engine. Setup does load pgJDBC, so the number is the runner's and the engine's first
 * use, not the driver's. After the measurement the schema is verified and the database dropped.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
@State(Scope.Thread)
public class ColdMigrateBenchmark {

    @Param({"jdbc", "flyway", "liquibase", "mybatis"})
    String engine;

    @Param({"EMPTY", "PARTIAL", "COMPLETE"})
    DatabaseState state;

    private BenchDatabase database;

    @Setup(Level.Iteration)
    public void prepareDatabase() {
        database = BenchDatabase.create(BenchEngine.named(engine), state, Preparation.IN_CHILD_JVM);
    }

    @Benchmark
    public MigrationReport migrate() {
        return database.migrate();
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
