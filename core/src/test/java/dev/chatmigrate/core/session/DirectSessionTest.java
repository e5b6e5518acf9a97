package dev.chatmigrate.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.core.session.DirectSession;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectSession} on PostgreSQL itself: what a pooler does is played by wrappers around real connections
 * (a login key that is not the server process's, a close that keeps the session), so each proof is shown to decide.
 * A real PgBouncer is refused end to end in the integration tests' {@code PgBouncerIT}.
 */
class DirectSessionTest {

    @FreshDatabase
    private TestDatabase database;

    private final List<Connection> opened = new ArrayList<>();
    /** The connections {@link DirectSession} asked for beyond the two it was given. */
    private final List<Connection> probes = new ArrayList<>();

    @AfterEach
    void closeAll() throws SQLException {
        for (Connection connection : opened) {
            connection.close();
        }
    }

    private Connection probe() {
        Connection probe = connect();
        probes.add(probe);
        return probe;
    }

    private Connection connect() {
        try {
            Connection connection = database.connect();
            opened.add(connection);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("two connections that each announced their own server process pass without opening a third")
    void ownProcessesPassWithoutAProbe() {
        assertThatCode(() -> require(connect(), connect(), this::probe)).doesNotThrowAnyException();
        assertThat(probes).isEmpty();
    }

    @Test
    @DisplayName("connections whose login key proves nothing (as through Neon's proxy) pass once a closed probe's process has ended")
    void unprovenKeysPassWhenTheClosedSessionEnds() {
        assertThatCode(() -> require(hidingLoginKey(connect()), connect(), this::probe)).doesNotThrowAnyException();
        assertThat(probes).hasSize(1);
    }

    @Test
    @DisplayName("a closed probe whose server process stays, as a pooler keeps it, is a pooler")
    void aSessionThatOutlivesItsConnectionIsAPooler() {
        assertThatThrownBy(() -> require(hidingLoginKey(connect()), connect(), () -> keptOnClose(connect())))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("leads to a transaction pooler")
                .hasMessageContaining("after this process closed its connection")
                .hasMessageContaining("Nothing was changed");
    }

    @Test
    @DisplayName("two connections served by one server process (as an idle pooler hands out the session just released) are a pooler")
    void oneProcessForTwoConnectionsIsAPooler() {
        Connection shared = connect();

        assertThatThrownBy(() -> require(shared, keptOnClose(shared), this::connect))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("were both served by server process");
    }

    @Test
    @DisplayName("the runner migrates and restarts through connections whose login proves nothing (as through Neon's proxy), proving the endpoint with one probe")
    void runnerProvesAnEndpointWhoseLoginCannotTell() throws SQLException {
        DataSource direct = database.settings("jdbc").dataSource();
        DataSource keyless = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, called, arguments) -> {
                    try {
                        Object result = called.invoke(direct, arguments);
                        return result instanceof Connection connection ? hidingLoginKey(connection) : result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        MigrationRunner runner = new MigrationRunner(database.settings("jdbc").withDataSource(keyless), new JdbcBaselineProvider());

        assertThat(runner.migrate().versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        assertThat(runner.migrate().steps()).isEmpty();
        try (Connection connection = database.connect()) {
            assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).isClean()).isTrue();
        }
    }

    /** Proves {@code first} and then {@code second}, each by its own {@code pg_backend_pid()}, as the runner does from its queries. */
    private static void require(Connection first, Connection second, Supplier<Connection> probes) throws SQLException {
        DirectSession proof = new DirectSession(dataSource(probes), Duration.ofSeconds(5));
        proof.requireOwn(first, DirectSession.backendPid(first), second);
        proof.requireOwn(second, DirectSession.backendPid(second), second);
    }

    /** A data source whose connections are {@code connections}'. */
    private static DataSource dataSource(Supplier<Connection> connections) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, called, arguments) -> switch (called.getName()) {
                    case "getConnection" -> connections.get();
                    case "toString" -> "the test URL";
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }

    /** The connection as a driver other than pgJDBC, or a proxy that replaces the login's key, shows it: no key. */
    private static Connection hidingLoginKey(Connection connection) {
        return wrap(connection, "isWrapperFor", false);
    }

    /** The connection as a pool hands it out: closing it keeps the server session. */
    private static Connection keptOnClose(Connection connection) {
        return wrap(connection, "close", null);
    }

    private static Connection wrap(Connection connection, String method, Object answer) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, called, arguments) -> {
                    if (called.getName().equals(method)) {
                        return answer;
                    }
                    try {
                        return called.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
