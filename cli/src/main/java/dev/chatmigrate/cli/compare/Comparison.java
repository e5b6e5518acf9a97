package dev.chatmigrate.cli.compare;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.PlainMigration;
import dev.chatmigrate.verifier.SchemaVerifier;
import dev.chatmigrate.verifier.SmokeCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Runs the comparison on one database: per engine and state, prepares fresh schemas in that state
 * (untimed), forks a JVM that migrates them ({@link ColdRun}), then verifies every schema and drops it.
 * Right after, on EMPTY and COMPLETE, the plain engine ({@link dev.chatmigrate.spi.PlainMigration}) gets the
 * same in a JVM of its own: fresh schemas, empty or migrated by the plain engine itself (untimed), so a row
 * shows chatmigrate's figure beside the engine's own from the same minute of the same machine.
 * The forked JVMs get this JVM's {@code -X} options, so that tuned start-up flags (such as
 * {@code -XX:TieredStopAtLevel=1} or a class-data archive) can be compared; a cache of the launcher's
 * ({@link ClassDataCache}) becomes the one of the engine each JVM runs, where there is one.
 */
public final class Comparison {

    private final Database database;
    private final int warmRuns;
    private final PrintWriter progress;
    private final Duration rtt;

    public Comparison(Database database, int warmRuns, PrintWriter progress) {
        this(database, warmRuns, progress, null);
    }

    /** With {@code rtt} not {@code null}, every row also gets one migrate through a {@link dev.chatmigrate.cli.network.LatencyProxy} adding {@code rtt}. */
    public Comparison(Database database, int warmRuns, PrintWriter progress, Duration rtt) {
        this.database = database;
        this.warmRuns = warmRuns;
        this.progress = progress;
        this.rtt = rtt;
    }

    /** One row per engine and state, in that order. */
    public List<ComparisonRow> run(List<String> engines) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (String engine : engines) {
            for (DatabaseState state : DatabaseState.MEASURED) {
                progress.printf("compare: %s on %s ...%n", engine, state);
                progress.flush();
                ComparisonRow row = withPlain(measure(engine, state), engine, state);
                rows.add(rtt == null ? row : RoundTripRun.measure(database, engine, state, rtt, row));
            }
        }
        return rows;
    }

    private ComparisonRow measure(String engine, DatabaseState state) {
        MigrationEngineProvider provider = ColdRun.provider(engine);
        List<String> schemas = schemas(engine, state);
        try (Connection connection = database.open("chatmigrate-compare", Duration.ofSeconds(30))) {
            for (String schema : schemas) {
                recreate(connection, schema);
                state.prepare(settings(engine, schema), provider);
            }
            List<Double> times = fork(engine, schemas);
            boolean verified = true;
            for (String schema : schemas) {
                verified &= SchemaVerifier.verify(connection, schema, ChatbotSchema.LATEST_VERSION).isClean()
                        && SmokeCheck.run(connection, schema, ChatbotSchema.LATEST_VERSION).passed();
                drop(connection, schema);
            }
            return new ComparisonRow(engine, state.name(), times.get(0), warmMedian(times), verified);
        } catch (SQLException e) {
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "compare: preparing or verifying " + engine + " on " + state + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code row} with the plain engine's figures, on the states a plain engine can start from: none, or its own history. */
    private ComparisonRow withPlain(ComparisonRow row, String engine, DatabaseState state) {
        Optional<PlainMigration> plain = ColdRun.plain(engine);
        if (plain.isEmpty() || !(state == DatabaseState.EMPTY || state == DatabaseState.COMPLETE)) {
            return row;
        }
        List<String> schemas = schemas("plain_" + engine, state);
        try (Connection connection = database.open("chatmigrate-compare", Duration.ofSeconds(30))) {
            for (String schema : schemas) {
                recreate(connection, schema);
                if (state == DatabaseState.COMPLETE) {
                    migrateQuietly(plain.get(), schema);
                }
            }
            List<Double> times = fork(ColdRun.PLAIN + engine, schemas);
            for (String schema : schemas) {
                drop(connection, schema);
            }
            return row.withPlain(times.get(0), warmMedian(times));
        } catch (Exception e) {
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "compare: plain " + engine + " on " + state + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs the plain engine here to make its COMPLETE state, silenced: what it prints (MyBatis its scripts, Liquibase its
     * summary) and logs through {@code java.util.logging} (plain Liquibase's default) would bury the report. A failure
     * still reaches the user, as the exception it throws.
     */
    private void migrateQuietly(PlainMigration plain, String schema) throws Exception {
        PrintStream out = System.out;
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = root.getLevel();
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        root.setLevel(java.util.logging.Level.OFF);
        try {
            plain.migrate(database.jdbcUrl(), database.user(), database.password(), schema);
        } finally {
            root.setLevel(level);
            System.setOut(out);
        }
    }

    private List<String> schemas(String engine, DatabaseState state) {
        return IntStream.rangeClosed(0, warmRuns).mapToObj(i -> ("compare_" + engine + "_" + state + "_" + i).toLowerCase(Locale.ROOT)).toList();
    }

    private static void recreate(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists \"" + schema + "\" cascade; create schema \"" + schema + "\"");
        }
    }

    private static void drop(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema \"" + schema + "\" cascade");
        }
    }

    /** The median of the runs after the first (the warm ones), NaN without any. */
    private static double warmMedian(List<Double> times) {
        List<Double> warm = times.subList(1, times.size()).stream().sorted().toList();
        return warm.isEmpty() ? Double.NaN : warm.get(warm.size() / 2);
    }

    private MigrationSettings settings(String engine, String schema) {
        return database.settings(engine).withSchema(schema);
    }

    private List<Double> fork(String engine, List<String> schemas) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        String engineId = engine.startsWith(ColdRun.PLAIN) ? engine.substring(ColdRun.PLAIN.length()) : engine;
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(option -> option.startsWith("-X"))
                .map(option -> ClassDataCache.forEngine(option, engineId)).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdRun.class.getName(), engine, database.jdbcUrl(),
                database.user() == null ? "" : database.user()));
        command.addAll(schemas);
        try {
            Path errors = Files.createTempFile("chatmigrate-compare", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
                if (database.password() != null) {
                    builder.environment().put("DATABASE_PASSWORD", database.password());
                }
                Process process = builder.start();
                List<Double> times = new String(process.getInputStream().readAllBytes()).lines().map(Double::parseDouble).toList();
                if (process.waitFor() != 0 || times.size() != schemas.size()) {
                    throw new MigrationException(MigrationException.Kind.STEP_FAILED, "compare: the " + engine + " run failed (exit " + process.exitValue() + "): "
                            + Files.readString(errors).strip());
                }
                return times;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "compare: cannot start a JVM for " + engine + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "compare: interrupted", e);
        }
    }
}
