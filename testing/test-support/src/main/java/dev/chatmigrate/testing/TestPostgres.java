package dev.chatmigrate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one PostgreSQL server of this test JVM, started on first use and shared by every test.
 *
 * <p>{@code CHATMIGRATE_TEST_DB} (environment, or system property {@code chatmigrate.test.db}) picks it:
 * <ul>
 *   <li>unset or {@code embedded}: an embedded PostgreSQL 17 ({@link EmbeddedServer}), no Docker needed;</li>
 *   <li>{@code testcontainers}: a {@code postgres:17} container (needs a Docker engine);</li>
 *   <li>a JDBC URL ({@code user} and {@code password} as its parameters): that server, whose user may create databases.</li>
 * </ul>
 */
public final class TestPostgres {

    /** The environment variable (and, lower-cased with dots, system property) that picks the server. */
    public static final String SELECTOR = "CHATMIGRATE_TEST_DB";

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static TestPostgres instance;

    private final Login admin;
    private final String description;
    private final boolean embedded;

    private TestPostgres(Login admin, String description, boolean embedded) {
        this.admin = admin;
        this.description = description;
        this.embedded = embedded;
    }

    /** The shared server, started on the first call. */
    public static synchronized TestPostgres server() {
        if (instance == null) {
            instance = start(selector());
            LOG.info("Test PostgreSQL: {}", instance.description);
        }
        return instance;
    }

    private static String selector() {
        String value = System.getProperty("chatmigrate.test.db", System.getenv(SELECTOR));
        return value == null || value.isBlank() ? "embedded" : value.strip();
    }

    private static TestPostgres start(String selector) {
        if (selector.startsWith("embedded")) {
            EmbeddedServer server = EmbeddedServer.start(selector.equals("embedded-runuser"));
            return new TestPostgres(server.admin(), server.description(), true);
        }
        if (selector.equals("testcontainers")) {
            return new TestPostgres(ContainerServer.start(), "Testcontainers postgres:17", false);
        }
        Login login = existing(selector);
        return new TestPostgres(login, "existing server " + login, false);
    }

    /** The server of a JDBC URL, its {@code user} and {@code password} parameters taken out as the login's credentials. */
    static Login existing(String url) {
        Properties parsed = Driver.parseURL(url, new Properties());
        if (parsed == null) {
            throw new IllegalArgumentException(SELECTOR + ": expected embedded, testcontainers or a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://host:port/database?user=NAME&password=SECRET), found '" + url.replaceAll("password=[^&]*", "password=****") + "'");
        }
        String withoutCredentials = url.replaceAll("(?<=[?&])(user|password)=[^&]*(&|$)", "").replaceAll("[?&]$", "");
        return new Login(withoutCredentials, parsed.getProperty("user"), parsed.getProperty("password"));
    }

    /**
     * A server of its own, not the shared one, from a PostgreSQL installation on this machine
     * ({@code installation} holds {@code bin/initdb} and {@code bin/postgres}): for tests that need the
     * server's own tools, such as {@code pg_dump}, which only dumps servers of its major version or older.
     * It stops when the JVM ends.
     */
    public static TestPostgres installed(Path installation) {
        EmbeddedServer server = EmbeddedServer.startInstalled(installation);
        LOG.info("Test PostgreSQL: {}", server.description());
        return new TestPostgres(server.admin(), server.description(), true);
    }

    /** What kind of server this is, for logs. */
    public String description() {
        return description;
    }

    /** The server's maintenance database, as its admin user. */
    public Login admin() {
        return admin;
    }

    /** Creates a fresh, empty database. */
    public TestDatabase createDatabase() {
        String name = "chatmigrate_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("create database " + name);
        return new TestDatabase(name, admin.withDatabaseName(name), this);
    }

    /**
     * A login role that must authenticate with {@code password} (scram-sha-256) on {@code database}, for
     * testing authentication failures. On the embedded server this adds a {@code pg_hba.conf} rule;
     * an existing server must already require passwords for TCP connections.
     */
    public Login passwordUser(TestDatabase database, String password) {
        String role = "chatmigrate_password_user";
        execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role + "') then create role " + role
                + " login; end if; end $$; alter role " + role + " password '" + password.replace("'", "''") + "';"
                + " grant all on database " + database.name() + " to " + role);
        if (embedded) {
            requirePasswordFor(role);
        }
        return new Login(database.database().jdbcUrl(), role, password);
    }

    private void requirePasswordFor(String role) {
        try (Connection connection = admin.open("chatmigrate-test-admin", Duration.ofSeconds(10));
             Statement statement = connection.createStatement();
             ResultSet hbaFile = statement.executeQuery("show hba_file")) {
            hbaFile.next();
            Path rules = Path.of(hbaFile.getString(1));
            String current = Files.readString(rules);
            if (!current.contains(role)) {
                Files.writeString(rules, "host all " + role + " all scram-sha-256\n" + current);
                statement.execute("select pg_reload_conf()");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot require a password for " + role + " on the embedded server: " + e.getMessage(), e);
        }
    }

    void drop(String name) {
        execute("drop database if exists " + name + " with (force)");
    }

    private void execute(String sql) {
        try (Connection connection = admin.open("chatmigrate-test-admin", Duration.ofSeconds(10));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test PostgreSQL (" + description + "): " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
