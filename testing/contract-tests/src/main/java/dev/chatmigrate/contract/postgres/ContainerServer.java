package dev.chatmigrate.contract.postgres;

import dev.chatmigrate.core.Database;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A {@code postgres:17} container for machines with a Docker engine; stopped by Testcontainers when the JVM ends. */
final class ContainerServer {

    private ContainerServer() {
    }

    static Database start() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
        container.start();
        return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword()).withDatabaseName("postgres");
    }
}
