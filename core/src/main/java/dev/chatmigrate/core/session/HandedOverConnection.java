package dev.chatmigrate.core.session;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The engine's data source, whose first connection is the runner's work connection, already open and proven direct:
 * an engine that starts costs no connection set-up of its own (3 round trips with SCRAM). Later connections are new.
 * The engine's {@code close()} of the handed connection only ends a transaction it left open and gives it back in
 * autocommit mode; the runner closes it. The engine's session settings ({@code search_path}) stay, and the runner's own
 * statements after the engine name their schema.
 */
public final class HandedOverConnection extends ForwardingDataSource {

    private Connection handed;

    public HandedOverConnection(DataSource delegate, Connection work) {
        super(delegate);
        this.handed = work;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (handed == null) {
            return delegate.getConnection();
        }
        Connection work = handed;
        handed = null;
        return keptOpen(work);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return delegate.getConnection(user, password);
    }

    private static Connection keptOpen(Connection work) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "close" -> {
                        if (!closed[0] && !work.isClosed() && !work.getAutoCommit()) {
                            work.rollback();
                            work.setAutoCommit(true);
                        }
                        closed[0] = true;
                        yield null;
                    }
                    case "isClosed" -> closed[0] || work.isClosed();
                    default -> {
                        try {
                            yield method.invoke(work, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }
}
