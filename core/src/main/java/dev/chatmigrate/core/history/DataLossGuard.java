package dev.chatmigrate.core.history;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Column;
import dev.chatmigrate.schema.Table;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.RefusedDataLossException;
import dev.chatmigrate.spi.SchemaTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a downgrade that would destroy data, derived from the schema declaration: undoing a version
 * drops the tables it created (lost if they hold rows) and the columns it added (lost if any row holds
 * a value other than the column's default). Indexes and constraints lose nothing.
 */
public final class DataLossGuard {

    private DataLossGuard() {
    }

    /** Throws {@link RefusedDataLossException} naming everything a downgrade from {@code from} to {@code to} would destroy. */
    public static void check(Connection connection, String schema, int from, int to) {
        List<String> losses = new ArrayList<>();
        try {
            for (Column column : ChatbotSchema.COLUMNS) {
                Table table = ChatbotSchema.table(column.table());
                if (column.version() > to && column.version() <= from && table.version() <= to) {
                    long rows = count(connection, schema, column.table(), column.holdsDataCondition());
                    if (rows > 0) {
                        losses.add("column " + column.table() + "." + column.name() + " with " + rows + " values");
                    }
                }
            }
            for (Table table : reversed(ChatbotSchema.TABLES)) {
                if (table.version() > to && table.version() <= from) {
                    long rows = count(connection, schema, table.name(), "true");
                    if (rows > 0) {
                        losses.add("table " + table.name() + " with " + rows + " rows");
                    }
                }
            }
        } catch (SQLException e) {
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "Cannot count the rows a downgrade would drop: " + e.getMessage(), e);
        }
        if (!losses.isEmpty()) {
            throw new RefusedDataLossException("Refused to downgrade schema " + schema + " from version " + from + " to " + to
                    + ": it would destroy " + String.join(" and ", losses) + ". Nothing was changed. Back up the data first,"
                    + " then allow data loss to downgrade anyway.");
        }
    }

    private static List<Table> reversed(List<Table> tables) {
        List<Table> reversed = new ArrayList<>(tables);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static long count(Connection connection, String schema, String table, String condition) throws SQLException {
        if (!SchemaTables.exists(connection, schema, table)) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from " + SchemaTables.qualified(schema, table) + " where " + condition)) {
            result.next();
            return result.getLong(1);
        }
    }
}
