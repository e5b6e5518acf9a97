package dev.chatmigrate.benchmarks;

import dev.chatmigrate.testing.states.DatabaseState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Version 4 ({@code create index concurrently ix_messages_created_at}) on a {@code messages} table of
 * {@code rows} rows while a {@link MessageWriter} inserts {@code insertsPerSecond} messages: the
 * score is the migration's time, and the {@link WriterCounters} say how long the writer was held up.
 * {@code plain-create-index} builds the same index with a plain {@code CREATE INDEX}, which blocks
 * writes for the whole build, for contrast.
 *
 * <p>Untimed: once per trial, the database is migrated to version 3 by the engine (by {@code jdbc}
 * for the plain build) and loaded; after each measurement, the schema is verified at version 4, then
 * brought back to version 3 with the engine's own downgrade (or {@code drop index}) and verified again.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Thread)
public class IndexBuildUnderLoadBenchmark {

    static final String PLAIN_CREATE_INDEX = "plain-create-index";

    @Param({"jdbc", "flyway", "liquibase", "mybatis", PLAIN_CREATE_INDEX})
    String migration;

    @Param("1500000")
    int rows;

    @Param("200")
    int insertsPerSecond;

    private BenchDatabase database;
    private Connection plainConnection;
    private MessageWriter writer;

    @Setup(Level.Trial)
    public void loadMessages() throws SQLException {
        BenchEngine engine = BenchEngine.named(isPlain() ? BenchEngine.JDBC : migration);
        database = BenchDatabase.create(engine, DatabaseState.EMPTY, Preparation.IN_THIS_JVM);
        database.runner().migrate(3);
        UUID conversation;
        try (Connection connection = database.connect()) {
            conversation = MessagesLoad.load(connection, rows);
        }
        plainConnection = database.connect();
        writer = MessageWriter.start(database.connect(), conversation, insertsPerSecond);
    }

    @Setup(Level.Iteration)
    public void openWriterWindow() {
        writer.openWindow();
    }

    @Benchmark
    public void buildIndex() throws SQLException {
        if (isPlain()) {
            execute("create index ix_messages_created_at on messages (created_at)");
        } else {
            database.runner().migrate(4);
        }
    }

    @TearDown(Level.Iteration)
    public void recordWriterAndGoBackToVersion3(WriterCounters counters, BenchmarkParams params) throws SQLException {
        afterBuild(counters, params.getMeasurement().getCount() * Math.max(1, params.getForks()));
    }

    /** Records what the writer saw as one of {@code measuredBuilds} builds, verifies, and goes back to version 3. */
    void afterBuild(WriterCounters counters, int measuredBuilds) throws SQLException {
        MessageWriter.Window window = writer.closeWindow();
        counters.record(window, measuredBuilds);
        System.out.printf("%s: writer's worst insert %d ms, %d inserts during the build%n",
                migration, window.worstInsert().toMillis(), window.inserts());
        database.verify(4);
        if (isPlain()) {
            execute("drop index ix_messages_created_at");
        } else {
            database.runner().downgrade(3, true);
        }
        database.verify(3);
    }

    @TearDown(Level.Trial)
    public void dropDatabase() throws SQLException {
        writer.close();
        plainConnection.close();
        database.close();
    }

    private boolean isPlain() {
        return migration.equals(PLAIN_CREATE_INDEX);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = plainConnection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * What the writer saw during the measured builds. JMH sums event counters over the measurement
     * iterations of every fork, so each iteration contributes its share: the reported values are the
     * means per build, whatever {@code -i} and {@code -f} are. The per-build values are printed too.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class WriterCounters {

        /** The writer's slowest insert during a build, in milliseconds (mean over the measured builds). */
        public double writerWorstInsertMs;

        /** How many inserts the writer completed during a build (mean over the measured builds). */
        public double writerInserts;

        void record(MessageWriter.Window window, int measuredBuilds) {
            double share = 1.0 / measuredBuilds;
            writerWorstInsertMs = window.worstInsert().toNanos() / 1e6 * share;
            writerInserts = window.inserts() * share;
        }
    }
}
