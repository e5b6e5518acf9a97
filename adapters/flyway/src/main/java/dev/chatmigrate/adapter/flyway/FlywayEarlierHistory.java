package dev.chatmigrate.adapter.flyway;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.EarlierHistory;
import dev.chatmigrate.spi.SchemaTables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * chatmigrate's Flyway history as earlier releases kept it, in Flyway's default {@code flyway_schema_history}, which an
 * application's own Flyway uses too. A row is chatmigrate's when it is one of this build's scripts by name
 * ({@code V3__add_messages_token_count.sql}) with Flyway's checksum of that script (or of its first release), or
 * chatmigrate's baseline at version 0; a schema marker belongs to whoever else wrote there. An application's row
 * (another script, another checksum, another baseline) makes the table the application's.
 */
final class FlywayEarlierHistory implements EarlierHistory {

    @Override
    public List<String> tables() {
        return List.of(FlywayEngine.EARLIER_HISTORY_TABLE);
    }

    @Override
    public String query(String schema) {
        return "select version, description, type, script, checksum from " + SchemaTables.qualified(schema, FlywayEngine.EARLIER_HISTORY_TABLE);
    }

    @Override
    public boolean isChatmigrates(ResultSet rows) throws SQLException {
        boolean any = false;
        while (rows.next()) {
            String type = rows.getString(3);
            if ("SCHEMA".equals(type)) {
                continue;
            }
            if (!isBaseline(type, rows.getString(1), rows.getString(2)) && !isScript(type, rows.getString(1), rows.getString(4), rows)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean isBaseline(String type, String version, String description) {
        return "BASELINE".equals(type) && "0".equals(version) && FlywayEngine.BASELINE_DESCRIPTION.equals(description);
    }

    private static boolean isScript(String type, String version, String script, ResultSet rows) throws SQLException {
        int number = FlywayHistoryCheck.parse(version);
        if (!"SQL".equals(type) || number < 1 || number > ChatbotSchema.LATEST_VERSION || rows.getObject(5) == null) {
            return false;
        }
        int checksum = rows.getInt(5);
        return FlywayHistoryCheck.script(number).equals(script)
                && (checksum == FlywayHistoryCheck.checksum(number) || RevisedScripts.isFirstRelease(number, checksum));
    }
}
