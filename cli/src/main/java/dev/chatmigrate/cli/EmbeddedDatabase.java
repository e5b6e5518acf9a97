package dev.chatmigrate.cli;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.spi.MigrationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The PostgreSQL 17 the command starts when no database is configured: zonky's binaries, with a data
 * directory in {@code .chatmigrate/postgres} under the working directory that persists between runs,
 * so {@code migrate} then {@code status} see the same database.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final Path DATA_DIRECTORY = Path.of(".chatmigrate", "postgres");

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start() {
        try {
            Files.createDirectories(DATA_DIRECTORY);
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(DATA_DIRECTORY.toFile())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start());
        } catch (IOException | RuntimeException e) {
            throw new MigrationException(MigrationException.Kind.CANNOT_CONNECT, "Cannot start the embedded PostgreSQL in " + DATA_DIRECTORY.toAbsolutePath() + ": " + e.getMessage()
                    + ". Configure a database with --url or DATABASE_URL instead.", e);
        }
    }

    Path dataDirectory() {
        return DATA_DIRECTORY.toAbsolutePath();
    }

    Database database() {
        return new Database("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", null);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "Cannot stop the embedded PostgreSQL cleanly: " + e.getMessage(), e);
        }
    }
}
