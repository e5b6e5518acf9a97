package dev.chatmigrate.adapter.mybatis;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.SchemaTables;
import java.sql.Connection;
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
        if (!SchemaTables.exists(connection, schema, MyBatisEngine.CHANGELOG_TABLE)) {
            return OptionalInt.empty();
        }
        String table = SchemaTables.qualified(schema, MyBatisEngine.CHANGELOG_TABLE);
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
