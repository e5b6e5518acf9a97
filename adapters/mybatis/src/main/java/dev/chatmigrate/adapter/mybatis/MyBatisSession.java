package dev.chatmigrate.adapter.mybatis;

import dev.chatmigrate.spi.CannotConnectException;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.Secrets;
import dev.chatmigrate.spi.Sql;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.ibatis.migration.ConnectionProvider;

/**
 * The one PostgreSQL session every MyBatis operation of an engine runs on, handed to MyBatis as its
 * {@link ConnectionProvider}. It is prepared once and lent out so that MyBatis's habits are harmless:
 * <ul>
 *   <li>{@code search_path} is the configured schema, so scripts and the changelog land there;</li>
 *   <li>{@code client_min_messages} is {@code warning}: MyBatis treats every JDBC warning as an error,
 *       and PostgreSQL reports {@code IF NOT EXISTS} on an existing object as a NOTICE
 *       ("relation already exists, skipping"), which pgJDBC turns into a warning. Notices are no longer
 *       sent; a real WARNING still fails the step;</li>
 *   <li>every loan starts in autocommit mode: MyBatis probes for its changelog table with a query that
 *       fails while the table is missing, and inside a transaction that failure would abort everything
 *       after it (mybatis/migrations#51). "Closing" a loan rolls back whatever MyBatis left open;</li>
 *   <li>{@code commit()} in autocommit mode is a no-op: MyBatis commits after writing a changelog row even
 *       when the step ran in autocommit mode (version 4), and pgJDBC refuses that.</li>
 * </ul>
 */
final class MyBatisSession implements ConnectionProvider, AutoCloseable {

    private final Connection connection;
    private final Connection loan;

    private MyBatisSession(Connection connection) {
        this.connection = connection;
        this.loan = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, this::onLoan);
    }

    /** Opens and prepares the session for {@code settings}' database and schema. */
    static MyBatisSession open(MigrationSettings settings) {
        try {
            return on(settings.dataSource().getConnection(), settings.schema());
        } catch (SQLException e) {
            throw new CannotConnectException("The MyBatis engine cannot open its session on " + settings.dataSource() + " (schema "
                    + settings.schema() + "): " + Secrets.redact(e.getMessage()) + ". Check the database URL and credentials.", e);
        }
    }

    /** Prepares {@code connection} for {@code schema} and makes it the session; closes it if that fails. */
    static MyBatisSession on(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            Sql.useSchema(connection, schema);
            statement.execute("set client_min_messages to warning");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new MyBatisSession(connection);
    }

    /** The session, in autocommit mode; MyBatis closes it after each operation, which only resets it. */
    @Override
    public Connection getConnection() {
        return loan;
    }

    private Object onLoan(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getName().equals("close")) {
            reset();
            return null;
        }
        if (method.getName().equals("commit") && connection.getAutoCommit()) {
            return null;
        }
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void reset() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the session is gone either way
        }
    }
}
