package dev.chatmigrate.spi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Tables in the configured schema, named the way the runner and the adapters' history checks name
 * them: the schema quoted (it is a validated plain identifier, see {@link MigrationSettings}), the
 * table as written.
 */
public final class SchemaTables {

    private SchemaTables() {
    }

    /** {@code "schema".table}, ready for SQL. */
    public static String qualified(String schema, String table) {
        return Sql.identifier(schema) + "." + table;
    }

    /** Whether {@code table} exists in {@code schema}. */
    public static boolean exists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, qualified(schema, table));
            try (ResultSet result = exists.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
