package dev.chatmigrate.adapter.mybatis;

import dev.chatmigrate.spi.ChatbotSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Reads {@code mybatis_changelog} with plain SQL, without loading MyBatis, and answers the version it
 * proves: ids 0 (the changelog itself) and 1 to N, nothing else. MyBatis records no checksums, so this
 * is exactly what MyBatis itself would conclude; anything unexpected is left to MyBatis.
 */
final class MyBatisHistoryCheck {

    private MyBatisHistoryCheck() {
    }

    static OptionalInt verifiedVersion(Connection connection, String schema) throws SQLException {
        String table = "\"" + schema + "\"." + MyBatisEngine.CHANGELOG_TABLE;
        try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, table);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    return OptionalInt.empty();
                }
            }
        }
        TreeSet<Long> ids = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select id from " + table)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        int version = ids.size() - 1;
        boolean contiguous = version >= 0 && version <= ChatbotSchema.LATEST_VERSION && ids.first() == 0 && ids.last() == version;
        return contiguous ? OptionalInt.of(version) : OptionalInt.empty();
    }
}
