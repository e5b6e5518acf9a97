package dev.chatmigrate.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** A {@code postgres:17} container for machines with a Docker engine; stopped by Testcontainers when the JVM ends. */
final class ContainerServer {

    private ContainerServer() {
    }

    static Login start() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
        container.start();
        return new Login(container.getJdbcUrl(), container.getUsername(), container.getPassword()).withDatabaseName("postgres");
    }
}
