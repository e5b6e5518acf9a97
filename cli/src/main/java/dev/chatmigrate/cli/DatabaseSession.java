package dev.chatmigrate.cli;

import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.DatabaseUrl;
import dev.chatmigrate.core.MigrationConfiguration;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The database a command works on: the configured one, or an embedded PostgreSQL when none is
 * configured, with the settings and runner for it. Closing stops the embedded server, if any.
 */
final class DatabaseSession implements AutoCloseable {

    private final Database database;
    private final MigrationSettings settings;
    private final MigrationEngineProvider provider;
    private final EmbeddedDatabase embedded;
    private final AdoptionOptions adoption;

    private DatabaseSession(Database database, MigrationSettings settings, MigrationEngineProvider provider, EmbeddedDatabase embedded,
                            AdoptionOptions adoption) {
        this.adoption = adoption;
        this.database = database;
        this.settings = settings;
        this.provider = provider;
        this.embedded = embedded;
    }

    /** Resolves the database of {@code configuration}; notices (such as a pooler switch) go to {@code err}. */
    static DatabaseSession open(MigrationConfiguration configuration, PrintWriter err) {
        String engine = configuration.engine();
        MigrationEngineProvider provider = MigrationEngines.byId(engine); // an unknown engine fails before anything starts
        Optional<DatabaseUrl> configured = configuration.database();
        if (configured.isPresent()) {
            configured.get().notices().forEach(notice -> err.println("chatmigrate: " + notice));
            Database database = configured.get().database();
            return new DatabaseSession(database, configuration.settings(database), provider, null, configuration.adoption());
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start();
        err.println("chatmigrate: no database configured (--url or DATABASE_URL): using an embedded PostgreSQL"
                + " with its data in " + embedded.dataDirectory());
        err.flush();
        Database database = embedded.database();
        return new DatabaseSession(database, configuration.settings(database), provider, embedded, configuration.adoption());
    }

    Database database() {
        return database;
    }

    MigrationSettings settings() {
        return settings;
    }

    MigrationRunner runner() {
        return new MigrationRunner(settings, provider, adoption);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
