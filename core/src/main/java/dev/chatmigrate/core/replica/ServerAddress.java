package dev.chatmigrate.core.replica;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;

/**
 * The server a connection is connected to, as {@code host:port}, from what pgJDBC kept of the host it chose among those of
 * the URL: no round trip. With several hosts in the URL this names the primary the run used.
 */
public final class ServerAddress {

    private ServerAddress() {
    }

    /** {@code host:port} of {@code connection}'s server, or {@code null} when it is not a pgJDBC connection (or wraps one opaquely). */
    public static String of(Connection connection) {
        try {
            if (connection != null && connection.isWrapperFor(BaseConnection.class)) {
                var host = connection.unwrap(BaseConnection.class).getQueryExecutor().getHostSpec();
                return host.getHost() + ":" + host.getPort();
            }
        } catch (SQLException | RuntimeException unknown) {
            // a pool's proxy that does not unwrap: the report says nothing about the host
        }
        return null;
    }
}
