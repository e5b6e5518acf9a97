package dev.chatmigrate.cli;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.DatabaseUrl;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.spi.MigrationSettings;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The {@link Chatmigrate} a command works with, built through the one configuration: on the configured database,
 * or on an embedded PostgreSQL when none is configured. Closing stops the embedded server, if any.
 */
final class DatabaseSession implements AutoCloseable {

    private final Database database;
    private final Chatmigrate chatmigrate;
    private final EmbeddedDatabase embedded;

    private DatabaseSession(Database database, Chatmigrate chatmigrate, EmbeddedDatabase embedded) {
        this.database = database;
        this.chatmigrate = chatmigrate;
        this.embedded = embedded;
    }

    /** Loads {@code configuration}; notices (such as a pooler switch) go to {@code err}. */
    static DatabaseSession open(ChatmigrateConfiguration configuration, PrintWriter err) {
        MigrationEngines.byId(configuration.engine()); // an unknown engine fails before anything starts
        Optional<DatabaseUrl> configured = configuration.databaseUrl();
        if (configured.isPresent()) {
            configured.get().notices().forEach(notice -> err.println("chatmigrate: " + notice));
            return new DatabaseSession(configured.get().database(), configuration.load(), null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start();
        err.println("chatmigrate: no database configured (--url or DATABASE_URL): using an embedded PostgreSQL"
                + " with its data in " + embedded.dataDirectory());
        err.flush();
        try {
            return new DatabaseSession(embedded.database(), configuration.database(embedded.database()).load(), embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    /** The database's address, for tools that make databases and schemas beside it ({@code compare}). */
    Database database() {
        return database;
    }

    Chatmigrate chatmigrate() {
        return chatmigrate;
    }

    MigrationSettings settings() {
        return chatmigrate.settings();
    }

    MigrationRunner runner() {
        return chatmigrate.runner();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
