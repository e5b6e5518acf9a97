package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.spi.SchemaTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a Liquibase lock row left taken by a process that died mid-migration.
 *
 * <p>Liquibase's lock row ({@link #TABLE}) never expires: after a replica is killed while
 * migrating, the next start waits for it (5 minutes by default) and then fails (liquibase issue #1311).
 * This engine only runs while the chatmigrate runner holds the advisory lock of the schema, which every
 * chatmigrate migrator takes first, whatever its engine; so a taken row can only be left over from a
 * process that is gone, and releasing it is safe. It is released with the statement
 * {@code liquibase release-locks} runs, in plain SQL: Liquibase's lock service would first take a
 * JDBC-metadata snapshot to find the table, which costs a fresh JVM about 50 ms.
 */
final class StaleLock {

    /** chatmigrate's Liquibase lock table, in the chatbot schema: a name of its own, like {@link ChangelogHistory#TABLE}. */
    static final String TABLE = "chatmigrate_changelog_lock";

    /** What earlier releases named it: Liquibase's default. */
    static final String EARLIER_TABLE = "databasechangeloglock";

    private static final Logger LOG = LoggerFactory.getLogger(StaleLock.class);

    private StaleLock() {
    }

    /** Releases the lock row of {@code schema} if it is taken, saying so in the log. */
    static void release(Connection connection, String schema) throws SQLException {
        if (!SchemaTables.exists(connection, schema, TABLE)) {
            return;
        }
        String table = SchemaTables.qualified(schema, TABLE);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet locks = statement.executeQuery("select lockedby, lockgranted from " + table + " where locked")) {
                while (locks.next()) {
                    LOG.warn("Releasing the Liquibase lock in schema {} taken by {} since {}: chatmigrate holds the advisory lock of this"
                            + " schema, so no other migrator is running and the process that took it is gone (killed while migrating?)",
                            schema, locks.getString(1), locks.getTimestamp(2));
                }
            }
            statement.executeUpdate("update " + table + " set locked = false, lockgranted = null, lockedby = null where locked");
        }
    }
}
