package dev.chatmigrate.testing;

import dev.chatmigrate.spi.MigrationSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** A fresh database on the {@link TestPostgres} server, dropped by {@link #close()}. */
public record TestDatabase(String name, Login database, TestPostgres server) implements AutoCloseable {

    /** A new autocommit connection as the server's admin user. */
    public Connection connect() throws SQLException {
        return database.open("chatmigrate-test", Duration.ofSeconds(10));
    }

    /**
     * Settings for {@code engineId} on this database with test-friendly timeouts, chosen here rather than taken from
     * the product's defaults (which {@code chatmigrate-core} declares): 15 s connect, 60 s lock, 1 s per DDL lock.
     */
    public MigrationSettings settings(String engineId) {
        return new MigrationSettings(engineId, database.dataSource("chatmigrate-" + engineId + " pid " + ProcessHandle.current().pid(), Duration.ofSeconds(15)), "public",
                Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(1));
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
