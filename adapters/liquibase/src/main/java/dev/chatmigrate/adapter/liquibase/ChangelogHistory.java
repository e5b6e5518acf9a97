package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.spi.SchemaTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The versions Liquibase has recorded in one schema: a version is applied when its tag is in
 * {@link #TABLE}. Read with plain JDBC, so that status and the version before a migrate
 * need no Liquibase start-up and create nothing.
 */
final class ChangelogHistory {

    /** chatmigrate's Liquibase history, in the chatbot schema: a name of its own, never Liquibase's default (docs/design.md, "Shared databases"). */
    static final String TABLE = "chatmigrate_changelog";

    /** What earlier releases named it: Liquibase's default, which an application's own Liquibase uses. */
    static final String EARLIER_TABLE = "databasechangelog";

    private ChangelogHistory() {
    }

    /** The applied versions in ascending order; empty when Liquibase never ran here. */
    static List<Integer> appliedVersions(Connection connection, String schema) throws SQLException {
        if (!exists(connection, schema)) {
            return List.of();
        }
        TreeSet<Integer> versions = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet tags = statement.executeQuery("select tag from " + SchemaTables.qualified(schema, TABLE) + " where tag is not null")) {
            while (tags.next()) {
                OptionalInt version = VersionTags.versionOf(tags.getString(1));
                version.ifPresent(versions::add);
            }
        }
        return List.copyOf(versions);
    }

    /** The highest applied version, {@code 0} when none is. */
    static int currentVersion(List<Integer> applied) {
        return applied.isEmpty() ? 0 : applied.get(applied.size() - 1);
    }

    /** Whether Liquibase ever ran in {@code schema}. */
    static boolean exists(Connection connection, String schema) throws SQLException {
        return SchemaTables.exists(connection, schema, TABLE);
    }
}
