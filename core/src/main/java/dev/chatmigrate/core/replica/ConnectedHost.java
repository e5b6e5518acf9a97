package dev.chatmigrate.core.replica;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that hands out {@code delegate}'s connections as they are and remembers the server of the last one
 * ({@link ServerAddress}, no round trip), for a run whose connection is closed before its report is made.
 */
public final class ConnectedHost implements DataSource {

    private final DataSource delegate;
    private volatile String host;

    public ConnectedHost(DataSource delegate) {
        this.delegate = delegate;
    }

    /** {@code host:port} of the last connection handed out, or {@code null}. */
    public String host() {
        return host;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return remember(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return remember(delegate.getConnection(user, password));
    }

    private Connection remember(Connection connection) {
        host = ServerAddress.of(connection);
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
