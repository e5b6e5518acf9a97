package dev.chatmigrate.core.baseline;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.SchemaTables;
import dev.chatmigrate.spi.UpToDateCheck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;

/**
 * Reads {@code chatmigrate_jdbc_history} and answers the version it proves: versions 1 to N in order, each
 * with the checksum of this build's script (or of its first release), nothing else.
 */
final class JdbcHistoryCheck implements UpToDateCheck {

    private final JdbcBaselineProvider provider;

    JdbcHistoryCheck(JdbcBaselineProvider provider) {
        this.provider = provider;
    }

    @Override
    public String query(String schema) {
        return "select version, checksum from " + SchemaTables.qualified(schema, provider.historyTable()) + " order by version";
    }

    @Override
    public OptionalInt verify(ResultSet rows) throws SQLException {
        int expected = 1;
        for (; rows.next(); expected++) {
            if (rows.getInt(1) != expected || expected > ChatbotSchema.LATEST_VERSION
                    || !provider.isChecksumOf(expected, rows.getLong(2))) {
                return OptionalInt.empty();
            }
        }
        return expected == 1 ? OptionalInt.empty() : OptionalInt.of(expected - 1);
    }
}
