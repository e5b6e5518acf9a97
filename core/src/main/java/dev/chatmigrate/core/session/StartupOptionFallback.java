package dev.chatmigrate.core.session;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connects with {@code lock_timeout} in the start-up packet, which costs no round trip, and falls back to
 * setting it on each connection when the server refuses start-up options: PgBouncer answers
 * {@code unsupported startup parameter: options} (SQLState 08P01) unless told to ignore them. The fallback
 * lets the connection through, so that a transaction pooler is then reported as what it is.
 */
final class StartupOptionFallback extends ForwardingDataSource {

    private final DataSource fallback;
    private volatile boolean optionRefused;

    StartupOptionFallback(DataSource withOption, DataSource fallback) {
        super(withOption);
        this.fallback = fallback;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!optionRefused) {
            try {
                return delegate.getConnection();
            } catch (SQLException e) {
                if (!refusesStartupOptions(e)) {
                    throw e;
                }
                optionRefused = true;
            }
        }
        return fallback.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return optionRefused ? fallback.getConnection(user, password) : delegate.getConnection(user, password);
    }

    static boolean refusesStartupOptions(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return "08P01".equals(e.getSQLState()) && message.contains("startup parameter") && message.contains("options");
    }
}
