package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.EarlierHistory;
import dev.chatmigrate.spi.SchemaTables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * chatmigrate's Liquibase history as earlier releases kept it, in Liquibase's default {@code databasechangelog} (and
 * {@code databasechangeloglock}), which an application's own Liquibase uses too. A row is chatmigrate's when its
 * changeset id is one of this build's (the checksum manifest's ids), its author is {@code chatmigrate} and its file is
 * chatmigrate's changelog or one of its version files; any other row makes the table the application's.
 */
final class LiquibaseEarlierHistory implements EarlierHistory {

    @Override
    public List<String> tables() {
        return List.of(ChangelogHistory.EARLIER_TABLE, StaleLock.EARLIER_TABLE);
    }

    @Override
    public String query(String schema) {
        return "select id, author, filename from " + SchemaTables.qualified(schema, ChangelogHistory.EARLIER_TABLE);
    }

    @Override
    public boolean isChatmigrates(ResultSet rows) throws SQLException {
        Set<String> ids = LiquibaseHistoryCheck.expectedChecksums().keySet();
        Set<String> files = changelogFiles();
        boolean any = false;
        while (rows.next()) {
            if (!ids.contains(rows.getString(1)) || !LiquibaseHistoryCheck.AUTHOR.equals(rows.getString(2)) || !files.contains(withoutPrefix(rows.getString(3)))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The changelog and every version's file, as Liquibase records them (class path names). */
    static Set<String> changelogFiles() {
        Set<String> files = new HashSet<>();
        files.add(LiquibaseSession.CHANGELOG);
        String folder = LiquibaseSession.CHANGELOG.substring(0, LiquibaseSession.CHANGELOG.lastIndexOf('/') + 1) + "versions/";
        for (int version = 1; version <= ChatbotSchema.LATEST_VERSION; version++) {
            files.add(folder + "v" + version + "-" + ChatbotSchema.version(version).slug().replace('_', '-') + ".yaml");
        }
        return files;
    }

    private static String withoutPrefix(String file) {
        String name = file == null ? "" : file.startsWith("classpath:") ? file.substring("classpath:".length()) : file;
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
