package dev.chatmigrate.core.session;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A data source around another one, typically the application's pool, whose connections wait at most a
 * given time for any lock: {@code set lock_timeout} when a connection is taken (one round trip), and
 * {@code reset lock_timeout} when it is closed (one more), so that a pooled connection goes back to the
 * pool with the application's own setting. See {@link DdlLockTimeout}.
 */
final class LockTimeoutConnections extends ForwardingDataSource {

    private final long millis;

    LockTimeoutConnections(DataSource delegate, long millis) {
        super(delegate);
        this.millis = millis;
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
            statement.execute("set lock_timeout = " + millis);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> onCall(connection, method, arguments));
    }

    private static Object onCall(Connection connection, Method method, Object[] arguments) throws Throwable {
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
    private static void reset(Connection connection) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.rollback();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset lock_timeout");
            }
            if (!autoCommit) {
                connection.commit();
            }
        } catch (SQLException e) {
            // a broken connection: the pool discards it
        }
    }
}
