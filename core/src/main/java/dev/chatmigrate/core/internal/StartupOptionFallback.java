package dev.chatmigrate.core.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connects with {@code lock_timeout} in the start-up packet, which costs no round trip, and falls back to
 * setting it on each connection when the server refuses start-up options: PgBouncer answers
 * {@code unsupported startup parameter: options} (SQLState 08P01) unless told to ignore them. The fallback
 * lets the connection through, so that a transaction pooler is then reported as what it is.
 */
final class StartupOptionFallback implements DataSource {

    private final DataSource withOption;
    private final DataSource fallback;
    private volatile boolean optionRefused;

    StartupOptionFallback(DataSource withOption, DataSource fallback) {
        this.withOption = withOption;
        this.fallback = fallback;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!optionRefused) {
            try {
                return withOption.getConnection();
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
        return optionRefused ? fallback.getConnection(user, password) : withOption.getConnection(user, password);
    }

    static boolean refusesStartupOptions(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return "08P01".equals(e.getSQLState()) && message.contains("startup parameter") && message.contains("options");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return withOption.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        withOption.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        withOption.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return withOption.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.chatmigrate");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return withOption.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return withOption.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return withOption.toString();
    }
}
