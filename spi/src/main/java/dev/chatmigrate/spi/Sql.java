package dev.chatmigrate.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQL text that the runner and every engine write the same way: identifiers and literals quoted as PostgreSQL
 * reads them, and a session's {@code search_path} set to the configured schema.
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
}
