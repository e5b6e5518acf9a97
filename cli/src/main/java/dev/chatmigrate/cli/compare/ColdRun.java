package dev.chatmigrate.cli.compare;

import dev.chatmigrate.spi.Database;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationEngines;
import dev.chatmigrate.spi.MigrationRunner;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.baseline.JdbcBaselineProvider;
import java.time.Duration;

/**
 * The forked JVM of {@code compare}: migrates each prepared schema in turn and prints one line per
 * migrate with its milliseconds; the first is the cold one. Arguments: engine, JDBC URL, user, schemas;
 * the password comes in {@code DATABASE_PASSWORD}, never on the command line.
 */
public final class ColdRun {

    private ColdRun() {
    }

    public static void main(String[] args) {
        MigrationEngineProvider provider = provider(args[0]);
        Database database = new Database(args[1], args[2].isEmpty() ? null : args[2], System.getenv("DATABASE_PASSWORD"));
        for (int i = 3; i < args.length; i++) {
            MigrationSettings settings = new MigrationSettings(provider.id(), database, args[i], Duration.ofSeconds(30), Duration.ofSeconds(60));
            long started = System.nanoTime();
            new MigrationRunner(settings, provider).migrate();
            System.out.println((System.nanoTime() - started) / 1e6);
        }
    }

    static MigrationEngineProvider provider(String engine) {
        return engine.equals("jdbc") ? new JdbcBaselineProvider() : MigrationEngines.byId(engine);
    }
}
