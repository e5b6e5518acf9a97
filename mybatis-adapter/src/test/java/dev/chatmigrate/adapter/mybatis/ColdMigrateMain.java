package dev.chatmigrate.adapter.mybatis;

import dev.chatmigrate.contract.DatabaseStates;
import dev.chatmigrate.spi.baseline.JdbcBaselineProvider;
import dev.chatmigrate.spi.ChatbotSchema;
import dev.chatmigrate.spi.Database;
import dev.chatmigrate.spi.DatabaseUrl;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationEngines;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationRunner;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Measures the cold first migrate, not a test: one fresh JVM prepares a database in a state, another
 * fresh JVM migrates it once and prints how long {@code MigrationRunner.migrate()} took, class loading
 * of MyBatis included. A third argument {@code jdbc} migrates with the plain-JDBC baseline engine
 * instead, as a baseline measured under the same conditions. Run with the test class path against a
 * running server:
 *
 * <pre>
 * java -cp $CP dev.chatmigrate.adapter.mybatis.ColdMigrateMain prepare jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres cold1 PARTIAL
 * java -cp $CP dev.chatmigrate.adapter.mybatis.ColdMigrateMain migrate jdbc:postgresql://127.0.0.1:5432/cold1?user=postgres
 * </pre>
 */
public final class ColdMigrateMain {

    private ColdMigrateMain() {
    }

    public static void main(String[] arguments) throws SQLException {
        Database database = DatabaseUrl.parse(arguments[1]).database();
        if (arguments[0].equals("prepare")) {
            prepare(database, arguments[2], arguments[3]);
            return;
        }
        long started = System.nanoTime();
        MigrationEngineProvider provider = arguments.length > 2 ? new JdbcBaselineProvider() : MigrationEngines.byId("mybatis");
        MigrationReport report = new MigrationRunner(MigrationSettings.of(provider.id(), database), provider).migrate();
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("cold migrate engine=" + provider.id() + " ms=" + elapsed + " versionAfter=" + report.versionAfter() + " steps="
                + report.steps().stream().map(step -> step.version() + ":" + step.duration().toMillis() + "ms").toList());
    }

    private static void prepare(Database admin, String name, String state) throws SQLException {
        try (Connection connection = admin.open("cold-prepare", Duration.ofSeconds(10)); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        Database database = admin.withDatabaseName(name);
        switch (state) {
            case "EMPTY" -> {
                // nothing: a new database
            }
            case "PARTIAL" -> {
                try (Connection connection = database.open("cold-prepare", Duration.ofSeconds(10))) {
                    DatabaseStates.partial(connection);
                }
            }
            case "COMPLETE" -> new MigrationRunner(MigrationSettings.of("mybatis", database), new MyBatisEngineProvider())
                    .migrate(ChatbotSchema.LATEST_VERSION);
            default -> throw new IllegalArgumentException("state must be EMPTY, PARTIAL or COMPLETE, was " + state);
        }
    }
}
