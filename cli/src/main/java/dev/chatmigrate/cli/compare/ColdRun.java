package dev.chatmigrate.cli.compare;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * The forked JVM of {@code compare}: migrates each prepared schema in turn and prints one line per
 * migrate with its milliseconds; the first is the cold one. Before it, untimed, the JVM connects once
 * and starts logging, as an application has done by the time it migrates (and as the JMH cold
 * benchmark's set-up does): the cold figure is the runner's and the engine's first use, not pgJDBC's.
 * Arguments: engine, JDBC URL, user, schemas; the password comes in {@code DATABASE_PASSWORD}, never on
 * the command line.
 */
public final class ColdRun {

    private ColdRun() {
    }

    public static void main(String[] args) throws SQLException {
        MigrationEngineProvider provider = provider(args[0]);
        Database database = new Database(args[1], args[2].isEmpty() ? null : args[2], System.getenv("DATABASE_PASSWORD"));
        connectOnce(database);
        for (int i = 3; i < args.length; i++) {
            MigrationSettings settings = database.settings(provider.id()).withSchema(args[i]);
            long started = System.nanoTime();
            new MigrationRunner(settings, provider).migrate();
            System.out.println((System.nanoTime() - started) / 1e6);
        }
    }

    private static void connectOnce(Database database) throws SQLException {
        LoggerFactory.getLogger(ColdRun.class).debug("connecting once before the cold migrate");
        try (Connection connection = database.open("chatmigrate-compare", Duration.ofSeconds(30));
             Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
    }

    static MigrationEngineProvider provider(String engine) {
        return MigrationEngines.measured(engine);
    }
}
