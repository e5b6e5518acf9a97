package dev.chatmigrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How the tests log in to a test database: a pgJDBC URL and the credentials beside it. The fixture's own, so that
 * test support needs nothing of {@code chatmigrate-core} (whose {@code Database} is the product's equivalent, which
 * core's own tests use this module to test).
 *
 * @param user     {@code null} to let pgJDBC use its default
 * @param password {@code null} for none
 */
public record Login(String jdbcUrl, String user, String password) {

    /** Start-up parameters in the start-up packet rather than a {@code SET} each: the product's connections do the same. */
    private static final String ASSUMED_SERVER_VERSION = "9.4";

    public Login {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Expected a PostgreSQL JDBC URL (jdbc:postgresql://host/db), found '" + jdbcUrl + "'");
        }
    }

    /** The same server and credentials, another database. */
    public Login withDatabaseName(String name) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?');
        return new Login(jdbcUrl.substring(0, slash + 1) + name + (query < 0 ? "" : jdbcUrl.substring(query)), user, password);
    }

    /** This login with the given credentials, where they are not {@code null}. */
    public Login withCredentials(String newUser, String newPassword) {
        return new Login(jdbcUrl, newUser != null ? newUser : user, newPassword != null ? newPassword : password);
    }

    /** One autocommit connection showing {@code applicationName} in {@code pg_stat_activity}, waiting at most {@code timeout}. */
    public Connection open(String applicationName, Duration timeout) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("assumeMinServerVersion", ASSUMED_SERVER_VERSION);
        properties.setProperty("connectTimeout", Long.toString(seconds(timeout)));
        properties.setProperty("loginTimeout", Long.toString(seconds(timeout)));
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** A non-pooling data source whose connections show {@code applicationName} and wait at most {@code timeout} each. */
    public DataSource dataSource(String applicationName, Duration timeout) {
        Login described = this;
        PGSimpleDataSource dataSource = new PGSimpleDataSource() {
            @Override
            public String toString() {
                return described.toString();
            }
        };
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setApplicationName(applicationName);
        dataSource.setAssumeMinServerVersion(ASSUMED_SERVER_VERSION);
        dataSource.setConnectTimeout(seconds(timeout));
        dataSource.setLoginTimeout(seconds(timeout));
        return dataSource;
    }

    private static int seconds(Duration timeout) {
        return (int) Math.max(1, Math.min(timeout.toSeconds(), 10));
    }

    @Override
    public String toString() {
        return jdbcUrl + (user == null ? "" : " as " + user) + (password == null ? "" : " (password ****)");
    }
}
