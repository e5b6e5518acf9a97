package dev.chatmigrate.spi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

/**
 * An engine's check of its own history in two halves, so that the runner can send the query in the same
 * round trip as its lock ({@code docs/design.md}, "The runner"): {@link #query(String)} gives one plain
 * {@code select} reading the history table, {@link #verify(ResultSet)} answers the version its rows prove,
 * without starting the engine library. The answer is the version whose 1 to N are all recorded, each
 * succeeded and matches this build's script, with nothing else recorded; empty whenever anything is in doubt.
 */
public interface UpToDateCheck {

    /**
     * One {@code select} statement, without a trailing semicolon, that reads the history table in {@code schema}
     * (a validated plain identifier; name the table with {@link SchemaTables#qualified}). It fails with SQLState
     * 42P01 when the table does not exist: the database is then not at any version this engine recorded.
     */
    String query(String schema);

    /** The version the rows of {@link #query(String)} prove; empty whenever anything is in doubt. */
    OptionalInt verify(ResultSet rows) throws SQLException;

    /**
     * Runs the check on {@code connection} by itself (in autocommit mode, so that a missing table ends only its own
     * statement): the proven version, empty when the history table does not exist or proves nothing.
     */
    default OptionalInt run(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query(schema))) {
            return verify(rows);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState()) || INVALID_SCHEMA.equals(e.getSQLState())) {
                return OptionalInt.empty();
            }
            throw e;
        }
    }

    /** PostgreSQL's SQLState for a table that does not exist. */
    String UNDEFINED_TABLE = "42P01";

    /** PostgreSQL's SQLState for a schema that does not exist. */
    String INVALID_SCHEMA = "3F000";
}
