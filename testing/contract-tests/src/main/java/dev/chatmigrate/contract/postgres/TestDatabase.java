package dev.chatmigrate.contract.postgres;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** A fresh database on the {@link TestPostgres} server, dropped by {@link #close()}. */
public record TestDatabase(String name, Database database, TestPostgres server) implements AutoCloseable {

    /** A new autocommit connection as the server's admin user. */
    public Connection connect() throws SQLException {
        return database.open("chatmigrate-test", Duration.ofSeconds(10));
    }

    /** Settings for {@code engineId} on this database with test-friendly timeouts (15 s connect, 60 s lock). */
    public MigrationSettings settings(String engineId) {
        return new MigrationSettings(engineId, database.dataSource(Database.applicationName(engineId), Duration.ofSeconds(15)), "public",
                Duration.ofSeconds(15), Duration.ofSeconds(60), Chatmigrate.configure().ddlLockTimeout());
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
