package dev.chatmigrate.adapter.mybatis;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.SchemaTables;
import dev.chatmigrate.spi.UpToDateCheck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Reads {@code mybatis_changelog} with plain SQL, without loading MyBatis, and answers the version it
 * proves: ids 0 (the changelog itself) and 1 to N, nothing else. MyBatis records no checksums, so this
 * is exactly what MyBatis itself would conclude; anything unexpected is left to MyBatis.
 */
final class MyBatisHistoryCheck implements UpToDateCheck {

    @Override
    public String query(String schema) {
        return "select id from " + SchemaTables.qualified(schema, MyBatisEngine.CHANGELOG_TABLE);
    }

    @Override
    public OptionalInt verify(ResultSet rows) throws SQLException {
        TreeSet<Long> ids = new TreeSet<>();
        while (rows.next()) {
            ids.add(rows.getLong(1));
        }
        if (ids.isEmpty()) {
            return OptionalInt.empty();
        }
        int version = ids.size() - 1;
        boolean contiguous = version >= 0 && version <= ChatbotSchema.LATEST_VERSION && ids.first() == 0 && ids.last() == version;
        return contiguous ? OptionalInt.of(version) : OptionalInt.empty();
    }
}
