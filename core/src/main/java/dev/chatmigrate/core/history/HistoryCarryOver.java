package dev.chatmigrate.core.history;

import dev.chatmigrate.spi.EarlierHistory;
import dev.chatmigrate.spi.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a history that an earlier chatmigrate release kept under an engine library's default name (Flyway's
 * {@code flyway_schema_history}, Liquibase's {@code databasechangelog}) over to the engine's own name, under the
 * runner's lock, once: only when every row of it is chatmigrate's ({@link EarlierHistory#isChatmigrates}) and the
 * engine's own history does not exist yet. A history holding anything else is the application's own engine's: it is
 * neither read further nor changed. The carry-over is a rename of the tables with their indexes, in one transaction,
 * announced in one INFO line. On a read-only session (a standby) nothing is renamed. See {@code docs/design.md},
 * "Shared databases".
 */
final class HistoryCarryOver {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryCarryOver.class);
    /** PostgreSQL's SQLState for a write in a read-only transaction. */
    private static final String READ_ONLY = "25006";

    private HistoryCarryOver() {
    }

    /**
     * Carries {@code engineId}'s earlier history in {@code schema} over to {@code tables} when it is chatmigrate's;
     * {@code existing} are the tables of both name sets that exist. Returns whether it did.
     */
    static boolean run(Connection connection, String schema, String engineId, EarlierHistory earlier, List<String> tables, Set<String> existing)
            throws SQLException {
        List<String> from = earlier.tables();
        if (!existing.contains(from.get(0)) || existing.contains(tables.get(0)) || !isChatmigrates(connection, schema, earlier)) {
            return false;
        }
        try {
            Sql.inTransaction(connection, () -> {
                for (int i = 0; i < from.size() && i < tables.size(); i++) {
                    if (existing.contains(from.get(i)) && !existing.contains(tables.get(i))) {
                        TableRename.rename(connection, schema, from.get(i), tables.get(i), TableRename.replacingPrefix(from.get(i), tables.get(i)));
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            if (READ_ONLY.equals(e.getSQLState())) {
                LOG.debug("{}'s history of schema {} is still under its earlier name {}: the session is read-only", engineId, schema, from.get(0));
                return false;
            }
            throw e;
        }
        LOG.info("Carried chatmigrate's {} history of schema {} over from {} (the engine's default name, which earlier releases used) to {},"
                + " so that an application's own {} can keep its history under the default name", engineId, schema, String.join(", ", from),
                String.join(", ", tables.subList(0, Math.min(from.size(), tables.size()))), engineId);
        return true;
    }

    private static boolean isChatmigrates(Connection connection, String schema, EarlierHistory earlier) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(earlier.query(schema))) {
            return earlier.isChatmigrates(rows);
        } catch (SQLException e) {
            LOG.debug("{} in schema {} is not chatmigrate's: {}", earlier.tables().get(0), schema, e.getMessage());
            return false;
        }
    }
}
