package dev.chatmigrate.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQL that the runner and every engine write the same way: identifiers and literals quoted as PostgreSQL reads them,
 * a session's {@code search_path} set to the configured schema, and work done in one transaction.
 */
public final class Sql {

    private Sql() {
    }

    /** {@code name} as a quoted identifier, its case kept: an ORM's {@code "FKt492..."} stays itself. */
    public static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code value} as a text literal. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Sets the session's {@code search_path} to {@code schema}, so that scripts and histories land there. */
    public static void useSchema(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + identifier(schema));
        }
    }

    /** Work on a connection, whose statements may fail. */
    public interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on {@code connection} (in autocommit mode, and left so): committed when it
     * returns, rolled back when it throws.
     */
    public static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Creates {@code schema} unless it exists. */
    public static void createSchemaIfMissing(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + identifier(schema));
        }
    }
}
