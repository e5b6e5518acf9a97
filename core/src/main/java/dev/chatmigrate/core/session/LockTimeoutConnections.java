package dev.chatmigrate.core.session;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A data source around another one, typically the application's pool, whose connections have chatmigrate's session
 * settings ({@code lock_timeout} and the timeouts {@link DdlLockTimeout} overrides): {@code set} when a connection is
 * taken (one round trip for all), and {@code reset} when it is closed (one more), so that a pooled connection goes back
 * to the pool with the application's own settings.
 */
final class LockTimeoutConnections extends ForwardingDataSource {

    private final Map<String, String> settings;

    LockTimeoutConnections(DataSource delegate, Map<String, String> settings) {
        super(delegate);
        this.settings = Map.copyOf(settings);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return withLockTimeout(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return withLockTimeout(delegate.getConnection(user, password));
    }

    private Connection withLockTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(settings.entrySet().stream().map(e -> "set " + e.getKey() + " = " + e.getValue()).collect(Collectors.joining(";\n")));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> onCall(connection, method, arguments));
    }

    private Object onCall(Connection connection, Method method, Object[] arguments) throws Throwable {
        if (method.getName().equals("close") && !connection.isClosed()) {
            reset(connection);
        }
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A transaction left open is rolled back first, as a pool would, so that the reset is not undone with it. */
    private void reset(Connection connection) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.rollback();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(settings.keySet().stream().map(name -> "reset " + name).collect(Collectors.joining(";\n")));
            }
            if (!autoCommit) {
                connection.commit();
            }
        } catch (SQLException e) {
            // a broken connection: the pool discards it
        }
    }
}
