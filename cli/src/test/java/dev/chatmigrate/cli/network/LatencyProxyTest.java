package dev.chatmigrate.cli.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.Login;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link LatencyProxy} in front of the test server, with pgJDBC as the client. The counts are pgJDBC's
 * (the version pinned in the parent pom) against PostgreSQL 17 with {@code sslmode=disable}; a new pgJDBC
 * may change them, and this test then says so.
 */
class LatencyProxyTest {

    private static final String PASSWORD = "proxy-test-secret";

    @FreshDatabase
    private TestDatabase database;

    private LatencyProxy proxy;

    @AfterEach
    void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private Connection connectAsPasswordUser(Duration rtt, Properties extra) throws SQLException {
        Login password = TestPostgres.server().passwordUser(database, PASSWORD);
        Database user = new Database(password.jdbcUrl(), password.user(), password.password());
        proxy = LatencyProxy.to(user, rtt);
        Properties properties = new Properties();
        properties.setProperty("user", user.user());
        properties.setProperty("password", PASSWORD);
        properties.setProperty("sslmode", "disable");
        properties.putAll(extra);
        return DriverManager.getConnection(proxy.rewrite(user.jdbcUrl()), properties);
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("select 1")) {
            result.next();
            return result.getInt(1);
        }
    }

    @Test
    @DisplayName("a SCRAM connection and a select 1 take 5 round trips: 3 for authentication, 1 for pgJDBC's SET extra_float_digits, 1 for the query")
    void scramConnectAndSelectOne() throws Exception {
        try (Connection connection = connectAsPasswordUser(Duration.ZERO, new Properties())) {
            assertThat(proxy.count()).as("start-up + SASL initial response + SASL response, then SET extra_float_digits = 3").isEqualTo(4);

            assertThat(selectOne(connection)).isEqualTo(1);
        }

        assertThat(proxy.count()).isEqualTo(5);
        assertThat(proxy.connections()).isEqualTo(1);
    }

    @Test
    @DisplayName("with assumeMinServerVersion, pgJDBC sends application_name and extra_float_digits in the start-up packet: a SCRAM connection is 3 round trips")
    void startupPacketCarriesSettings() throws Exception {
        Properties modern = new Properties();
        modern.setProperty("assumeMinServerVersion", "9.0");
        modern.setProperty("ApplicationName", "latency-proxy-test");

        try (Connection connection = connectAsPasswordUser(Duration.ZERO, modern)) {
            assertThat(proxy.count()).isEqualTo(3);
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select current_setting('application_name')")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("latency-proxy-test");
            }
        }

        assertThat(proxy.count()).isEqualTo(4);
    }

    @Test
    @DisplayName("without a password (trust), Database.open takes 2 round trips: application_name travels in the start-up packet (it was 3 before)")
    void trustConnectIsOneStartupRoundTrip() throws Exception {
        Database direct = new Database(database.database().jdbcUrl(), database.database().user(), database.database().password());
        proxy = LatencyProxy.to(direct, Duration.ZERO);

        try (Connection ignored = proxy.through(direct).open("latency-proxy-test", Duration.ofSeconds(10))) {
            assertThat(proxy.count()).as("start-up with application_name and extra_float_digits in it, and one more exchange pgJDBC makes")
                    .isEqualTo(2);
        }
    }

    @Test
    @DisplayName("several statements sent together are one round trip, however many answers come back")
    void multiStatementQueryIsOneRoundTrip() throws Exception {
        try (Connection connection = connectAsPasswordUser(Duration.ZERO, new Properties());
             Statement statement = connection.createStatement()) {
            proxy.reset();

            statement.execute("select 1; select 2; create temporary table t(x int); insert into t values (1), (2); select count(*) from t");

            assertThat(proxy.count()).isEqualTo(1);
            assertThat(proxy.connections()).isZero();
        }
    }

    @Test
    @DisplayName("at rtt = 50 ms, a select 1 waits at least 50 ms for its answer")
    void latencyIsAdded() throws Exception {
        try (Connection connection = connectAsPasswordUser(Duration.ofMillis(50), new Properties())) {
            selectOne(connection);
            long start = System.nanoTime();

            selectOne(connection);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        }
    }

    @Test
    @DisplayName("at rtt = 20 ms, megabytes each way arrive intact and in order, and a batch is still one round trip")
    void bytesKeepTheirOrder() throws Exception {
        String large = "0123456789abcdef".repeat(256 * 1024);
        try (Connection connection = connectAsPasswordUser(Duration.ofMillis(20), new Properties());
             PreparedStatement echo = connection.prepareStatement("select ?::text, md5(?::text)")) {
            connection.createStatement().execute("create temporary table numbers(n int)");
            proxy.reset();
            echo.setString(1, large);
            echo.setString(2, large);
            try (ResultSet result = echo.executeQuery()) {
                result.next();
                assertThat(result.getString(1)).isEqualTo(large);
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into numbers values (?)")) {
                for (int n = 0; n < 200; n++) {
                    insert.setInt(1, n);
                    insert.addBatch();
                }
                insert.executeBatch();
            }

            assertThat(proxy.count()).isEqualTo(2);
        }
    }
}
