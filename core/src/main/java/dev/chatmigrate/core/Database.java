package dev.chatmigrate.core;

import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.Secrets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the chatbot database is: a pgJDBC URL without credentials, and the credentials beside it.
 * {@link #toString()} never shows the password.
 *
 * @param user     {@code null} to let pgJDBC use its default
 * @param password {@code null} for none
 */
public record Database(String jdbcUrl, String user, String password) {

    private static final Duration LONGEST_SINGLE_ATTEMPT = Duration.ofSeconds(10);
    /**
     * Lets pgJDBC put {@code application_name} and {@code extra_float_digits} in the start-up packet instead of
     * sending a {@code SET} for each after it: one round trip per connection instead of three (docs/performance.md).
     * Every PostgreSQL chatmigrate supports is far newer.
     */
    private static final String ASSUMED_SERVER_VERSION = "9.4";

    public Database {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new InvalidConfigurationException("Expected a PostgreSQL JDBC URL (jdbc:postgresql://host/db), found '"
                    + Secrets.redactUrl(jdbcUrl) + "'.");
        }
    }

    /** This database with the given credentials, where they are not {@code null}. */
    public Database withCredentials(String newUser, String newPassword) {
        return new Database(jdbcUrl, newUser != null ? newUser : user, newPassword != null ? newPassword : password);
    }

    /** This server with another database name, for tools that create databases. */
    public Database withDatabaseName(String name) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?');
        String tail = query < 0 ? "" : jdbcUrl.substring(query);
        return new Database(jdbcUrl.substring(0, slash + 1) + name + tail, user, password);
    }

    /**
     * Opens one connection; {@code applicationName} shows in {@code pg_stat_activity}, and a single
     * attempt waits at most {@code timeout} (and never more than 10 seconds).
     */
    public Connection open(String applicationName, Duration timeout) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        long seconds = Math.max(1, Math.min(timeout.toSeconds(), LONGEST_SINGLE_ATTEMPT.toSeconds()));
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("assumeMinServerVersion", ASSUMED_SERVER_VERSION);
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("loginTimeout", Long.toString(seconds));
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /**
     * A non-pooling data source for this database: each connection carries {@code applicationName} (shown in
     * {@code pg_stat_activity}) and one attempt waits at most {@code timeout} (never more than 10 seconds).
     * Its {@code toString()} is this database's, without the password.
     */
    public DataSource dataSource(String applicationName, Duration timeout) {
        Database described = this;
        PGSimpleDataSource dataSource = new PGSimpleDataSource() {
            @Override
            public String toString() {
                return described.toString();
            }
        };
        dataSource.setURL(jdbcUrl);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        int seconds = (int) Math.max(1, Math.min(timeout.toSeconds(), LONGEST_SINGLE_ATTEMPT.toSeconds()));
        dataSource.setApplicationName(applicationName);
        dataSource.setAssumeMinServerVersion(ASSUMED_SERVER_VERSION);
        dataSource.setConnectTimeout(seconds);
        dataSource.setLoginTimeout(seconds);
        return dataSource;
    }

    /** Settings for {@code engineId} on this database, with the default schema and timeouts. */
    public MigrationSettings settings(String engineId) {
        ChatmigrateConfiguration defaults = Chatmigrate.configure();
        return new MigrationSettings(engineId, dataSource(applicationName(engineId), defaults.connectTimeout()), defaults.schema(),
                defaults.connectTimeout(), defaults.lockTimeout(), defaults.ddlLockTimeout());
    }

    /** The {@code application_name} chatmigrate's connections carry for {@code engineId}, so {@code pg_stat_activity} shows who they are. */
    public static String applicationName(String engineId) {
        return "chatmigrate-" + engineId + " pid " + ProcessHandle.current().pid();
    }

    @Override
    public String toString() {
        return Secrets.redactUrl(jdbcUrl) + (user == null ? "" : " as " + user) + (password == null ? "" : " (password ****)");
    }
}
