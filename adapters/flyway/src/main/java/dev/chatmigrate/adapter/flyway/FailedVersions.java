package dev.chatmigrate.adapter.flyway;

import dev.chatmigrate.spi.SchemaTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's record of a version that failed outside a transaction (version 4's concurrent index build, given up
 * after the DDL lock timeout and retried by the runner). Flyway then refuses every migrate ("Detected failed
 * migration to version 4 ... run repair"). Every chatmigrate version is idempotent, and adoption has already
 * rebuilt the INVALID index such a build leaves, so the record is removed and the version runs again. Only
 * failed rows are removed: unlike {@code flyway repair}, checksums are not realigned.
 */
final class FailedVersions {

    private static final Logger LOG = LoggerFactory.getLogger(FailedVersions.class);

    private FailedVersions() {
    }

    /** Removes the failed rows of {@code schema}'s history; returns how many there were. */
    static int remove(DataSource dataSource, String schema) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            int removed = statement.executeUpdate("delete from " + SchemaTables.qualified(schema, FlywayEngine.HISTORY_TABLE) + " where not success");
            if (removed > 0) {
                LOG.info("Removed {} failed version record(s) from {}: an interrupted version runs again, as every version is idempotent",
                        removed, FlywayEngine.HISTORY_TABLE);
            }
            return removed;
        }
    }
}
