package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Measures the first migrate in a fresh JVM (not a test; run by hand, see the module's README.md):
 * <pre>
 * java -cp CLASSPATH dev.chatmigrate.adapter.liquibase.ColdMigrateTiming prepare ADMIN_JDBC_URL USER NAME STATE
 * java -cp CLASSPATH dev.chatmigrate.adapter.liquibase.ColdMigrateTiming migrate DB_JDBC_URL USER ENGINE
 * </pre>
 * {@code prepare} creates database NAME in STATE (EMPTY, PARTIAL, or COMPLETE as left by a Liquibase
 * migrate) in its own JVM; {@code migrate} then times one {@link MigrationRunner#migrate()} with ENGINE
 * ({@code liquibase}, or {@code jdbc} for the raw-DDL baseline) and prints its wall-clock and
 * main-thread CPU milliseconds (the CPU time varies less when other processes load the machine).
 */
public final class ColdMigrateTiming {

    private ColdMigrateTiming() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length >= 5 && args[0].equals("prepare")) {
            prepare(new Database(args[1], args[2], null), args[3], args[4]);
        } else if (args.length >= 4 && args[0].equals("migrate")) {
            time(new Database(args[1], args[2], null), args[3]);
        } else {
            throw new IllegalArgumentException("usage: prepare ADMIN_URL USER NAME STATE | migrate DB_URL USER ENGINE");
        }
    }

    private static void prepare(Database admin, String name, String state) throws SQLException {
        try (Connection connection = admin.open("chatmigrate-timing", Duration.ofSeconds(10)); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        Database database = admin.withDatabaseName(name);
        switch (state) {
            case "EMPTY" -> { }
            case "PARTIAL" -> {
                try (Connection connection = database.open("chatmigrate-timing", Duration.ofSeconds(10))) {
                    DatabaseState.PARTIAL.prepare(connection, "public");
                }
            }
            case "COMPLETE" -> MigrationRunner.of(database.settings("liquibase")).migrate();
            default -> throw new IllegalArgumentException("state must be EMPTY, PARTIAL or COMPLETE, was " + state);
        }
        System.out.println(database.jdbcUrl());
    }

    private static void time(Database database, String engine) {
        MigrationEngineProvider provider = MigrationEngines.measured(engine);
        MigrationRunner runner = new MigrationRunner(database.settings(provider.id()), provider);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        runner.migrate();
        long wallMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        long cpuMillis = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStarted).toMillis();
        System.out.println(wallMillis + " " + cpuMillis);
    }
}
