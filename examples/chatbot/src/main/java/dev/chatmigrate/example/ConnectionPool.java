package dev.chatmigrate.example;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chatmigrate.core.Database;
import dev.chatmigrate.spi.CannotConnectException;
import dev.chatmigrate.spi.Secrets;
import java.time.Duration;

/** The service's HikariCP pool: small, named, and empty when the chatbot is idle. */
final class ConnectionPool {

    /** What {@code pg_stat_activity} shows for the service's connections. */
    static final String APPLICATION_NAME = "chatbot-example";

    /** Requests are short transactions; a few connections serve many requests (and keep well under Neon's limits). */
    static final int MAXIMUM_SIZE = 5;

    /** How long a request waits for a connection before it is answered with 503. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    /**
     * How long an unused connection stays open. With no minimum idle connections, the pool empties when
     * the chatbot is quiet and sends no keep-alive queries, so a scale-to-zero database (Neon) can suspend.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private ConnectionPool() {
    }

    /**
     * Opens the pool on {@code database}, with {@code schema} as each connection's schema, and checks that
     * one connection can be made.
     *
     * @throws CannotConnectException when no connection can be made
     */
    static HikariDataSource open(Database database, String schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(APPLICATION_NAME);
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        config.setSchema(schema);
        config.setMaximumPoolSize(MAXIMUM_SIZE);
        config.setMinimumIdle(0);
        config.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new CannotConnectException("Cannot open the connection pool on " + database + ": " + Secrets.redact(e.getMessage()), e);
        }
    }
}
