package dev.chatmigrate.adapter.flyway;

import dev.chatmigrate.spi.SchemaTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scripts revised after their first release, with Flyway's checksum of them as first released. Versions 3 and 5
 * first added their check validated in the same statement, a scan under ACCESS EXCLUSIVE that stalled the chatbot's
 * writes on a large table; they now add it {@code not valid} and validate it separately (docs/design.md, "Online
 * safety"). Version 4 first built its index {@code concurrently} unconditionally; it now takes that word from a
 * placeholder, empty on a partitioned {@code messages} (docs/design.md, "Partitioned messages"). Each revision builds
 * the same schema as the first release. A history that recorded the first release is realigned to the current
 * checksum, as {@code flyway repair} would, but only for these versions and only from these checksums: any other
 * edited script is still Flyway's validation error.
 */
final class RevisedScripts {

    private static final Logger LOG = LoggerFactory.getLogger(RevisedScripts.class);
    private static final Map<Integer, Integer> FIRST_RELEASES = Map.of(3, 566782622, 4, 865059461, 5, -1256862268);

    private RevisedScripts() {
    }

    /** Whether {@code checksum}, recorded for {@code version}, is that of the version's script as first released. */
    static boolean isFirstRelease(int version, int checksum) {
        return Integer.valueOf(checksum).equals(FIRST_RELEASES.get(version));
    }

    /** The versions whose recorded checksum in {@code schema}'s history is a first release's. */
    static Set<Integer> recordedFirstReleases(DataSource dataSource, String schema) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return recordedFirstReleases(connection, schema);
        }
    }

    /** Records the current checksum where {@code schema}'s history has a first release's; returns how many rows changed. */
    static int realign(DataSource dataSource, String schema) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Set<Integer> revised = recordedFirstReleases(connection, schema);
            for (int version : revised) {
                statement.executeUpdate("update " + SchemaTables.qualified(schema, FlywayEngine.HISTORY_TABLE) + " set checksum = "
                        + FlywayHistoryCheck.checksum(version) + " where type = 'SQL' and version = '" + version + "' and checksum = "
                        + FIRST_RELEASES.get(version));
                LOG.info("Version {}'s script was revised after it was applied here, into one that builds the same schema:"
                        + " recorded its current checksum in {}", version, FlywayEngine.HISTORY_TABLE);
            }
            return revised.size();
        }
    }

    private static Set<Integer> recordedFirstReleases(Connection connection, String schema) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, checksum from " + SchemaTables.qualified(schema, FlywayEngine.HISTORY_TABLE)
                     + " where type = 'SQL' and checksum is not null")) {
            while (rows.next()) {
                int version = FlywayHistoryCheck.parse(rows.getString(1));
                if (isFirstRelease(version, rows.getInt(2))) {
                    versions.add(version);
                }
            }
        }
        return versions;
    }
}
