package dev.chatmigrate.integration.reliability;

import dev.chatmigrate.schema.ChatbotSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Each engine's own history table, read back: how many times every entry was recorded. */
final class EngineHistory {

    private EngineHistory() {
    }

    /**
     * Entry → times recorded: Flyway's successful versions ({@code 1} … {@code 4}), Liquibase's changeset ids
     * ({@code v1-tag} … {@code v4-tag} and the changesets between), MyBatis's ids ({@code 1} … {@code 4}).
     */
    static Map<String, Long> timesRecorded(Connection connection, String engine) throws SQLException {
        String sql = switch (engine) {
            case "flyway" -> "select version, count(*) from chatmigrate_flyway_history where success and version is not null group by version";
            case "liquibase" -> "select id, count(*) from chatmigrate_changelog group by id";
            case "mybatis" -> "select id::text, count(*) from mybatis_changelog group by id";
            default -> throw new IllegalArgumentException(engine);
        };
        Map<String, Long> entries = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                entries.put(rows.getString(1), rows.getLong(2));
            }
        }
        return entries;
    }

    /** The entries that must be present once each when {@code engine} brought the schema to the latest version. */
    static String[] versionEntries(String engine) {
        return ChatbotSchema.VERSIONS.stream().map(v -> engine.equals("liquibase") ? "v" + v.number() + "-tag" : Integer.toString(v.number()))
                .toArray(String[]::new);
    }
}
