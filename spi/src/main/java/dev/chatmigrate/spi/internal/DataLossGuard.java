package dev.chatmigrate.spi.internal;

import java.util.function.LongConsumer;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.RefusedDataLossException;
import dev.chatmigrate.spi.SchemaTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a downgrade that would destroy rows: dropping {@code messages} (version 2) or
 * {@code conversations} (version 1) while they hold rows, or dropping {@code messages.token_count}
 * (version 3) while it holds values. Dropping the version 4 index loses nothing.
 */
public final class DataLossGuard {

    private DataLossGuard() {
    }

    /** Throws {@link RefusedDataLossException} naming every table and row count a downgrade from {@code from} to {@code to} would destroy. */
    public static void check(Connection connection, String schema, int from, int to) {
        List<String> losses = new ArrayList<>();
        try {
            if (from >= 3 && to < 3 && to >= 2) {
                count(connection, schema, "messages", "token_count is not null")
                        .ifNonZero(n -> losses.add("column messages.token_count with " + n + " non-null values"));
            }
            if (from >= 2 && to < 2) {
                count(connection, schema, "messages", "true").ifNonZero(n -> losses.add("table messages with " + n + " rows"));
            }
            if (from >= 1 && to < 1) {
                count(connection, schema, "conversations", "true").ifNonZero(n -> losses.add("table conversations with " + n + " rows"));
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot count the rows a downgrade would drop: " + e.getMessage(), e);
        }
        if (!losses.isEmpty()) {
            throw new RefusedDataLossException("Refused to downgrade schema " + schema + " from version " + from + " to " + to
                    + ": it would destroy " + String.join(" and ", losses) + ". Nothing was changed. Back up the data first,"
                    + " then pass --allow-data-loss to downgrade anyway.");
        }
    }

    private record Count(long value) {
        void ifNonZero(LongConsumer action) {
            if (value > 0) {
                action.accept(value);
            }
        }
    }

    private static Count count(Connection connection, String schema, String table, String condition) throws SQLException {
        if (!SchemaTables.exists(connection, schema, table)) {
            return new Count(0);
        }
        try (PreparedStatement count = connection.prepareStatement("select count(*) from " + SchemaTables.qualified(schema, table) + " where " + condition);
             ResultSet result = count.executeQuery()) {
            result.next();
            return new Count(result.getLong(1));
        }
    }
}
