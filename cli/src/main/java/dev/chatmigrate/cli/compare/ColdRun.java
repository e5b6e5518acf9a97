package dev.chatmigrate.cli.compare;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.PlainMigration;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;

/**
 * The forked JVM of {@code compare}: migrates each prepared schema in turn and prints one line per
 * migrate with its milliseconds; the first is the cold one. Before it, untimed, the JVM connects once
 * and starts logging, as an application has done by the time it migrates (and as the JMH cold
 * benchmark's set-up does): the cold figure is the runner's and the engine's first use, not pgJDBC's.
 * Arguments: engine (or {@code plain:ENGINE} for the engine alone, {@link PlainMigration}), JDBC URL,
 * user, schemas; the password comes in {@code DATABASE_PASSWORD}, never on the command line. What an
 * engine prints goes to the error stream, which keeps the output to the times.
 */
public final class ColdRun {

    static final String PLAIN = "plain:";

    private ColdRun() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream times = System.out;
        System.setOut(System.err);
        Database database = new Database(args[1], args[2].isEmpty() ? null : args[2], System.getenv("DATABASE_PASSWORD"));
        connectOnce(database);
        boolean plain = args[0].startsWith(PLAIN);
        PlainMigration plainEngine = plain ? plain(args[0].substring(PLAIN.length())).orElseThrow() : null;
        MigrationEngineProvider provider = plain ? null : provider(args[0]);
        for (int i = 3; i < args.length; i++) {
            long started = System.nanoTime();
            if (plain) {
                plainEngine.migrate(database.jdbcUrl(), database.user(), database.password(), args[i]);
            } else {
                new MigrationRunner(database.settings(provider.id()).withSchema(args[i]), provider).migrate();
            }
            times.println((System.nanoTime() - started) / 1e6);
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

    /** The plain counterpart of {@code engine}, if its adapter provides one. */
    static Optional<PlainMigration> plain(String engine) {
        return ServiceLoader.load(PlainMigration.class).stream().map(ServiceLoader.Provider::get)
                .filter(plain -> plain.engineId().equals(engine)).findFirst();
    }
}
