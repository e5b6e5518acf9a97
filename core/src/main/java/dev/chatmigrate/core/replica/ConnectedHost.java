package dev.chatmigrate.core.replica;

import java.sql.Connection;
import java.sql.SQLException;
import dev.chatmigrate.core.session.ForwardingDataSource;
import javax.sql.DataSource;

/**
 * A data source that hands out {@code delegate}'s connections as they are and remembers the server of the last one
 * ({@link ServerAddress}, no round trip), for a run whose connection is closed before its report is made.
 */
public final class ConnectedHost extends ForwardingDataSource {

    private volatile String host;

    public ConnectedHost(DataSource delegate) {
        super(delegate);
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
}
