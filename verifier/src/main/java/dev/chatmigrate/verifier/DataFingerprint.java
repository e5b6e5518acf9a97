package dev.chatmigrate.verifier;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row count and checksum of the chatbot data, over the columns every version since their table's
 * creation has (so adding {@code token_count} does not change it). Equal fingerprints before and after
 * a migration mean no row was lost or changed.
 */
public record DataFingerprint(Map<String, TableData> tables) {

    /** One table's row count and the md5 of its rows in id order. */
    public record TableData(long rows, String md5) {
    }

    private static final Map<String, String> DATA_COLUMNS = Map.of(
            "conversations", "id, user_id, title, created_at",
            "messages", "id, conversation_id, role, content, created_at");

    public DataFingerprint {
        tables = Map.copyOf(tables);
    }

    /** The fingerprint of every chatbot table that exists in {@code schema}. */
    public static DataFingerprint of(Connection connection, String schema) throws SQLException {
        Map<String, TableData> tables = new TreeMap<>();
        for (Map.Entry<String, String> table : DATA_COLUMNS.entrySet()) {
            String name = "\"" + schema + "\"." + table.getKey();
            try (Statement statement = connection.createStatement();
                 ResultSet exists = statement.executeQuery("select to_regclass('" + name.replace("'", "''") + "') is not null")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    continue;
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select count(*), coalesce(md5(string_agg(r::text, '|' order by r.id)), '')"
                         + " from (select " + table.getValue() + " from " + name + ") r")) {
                row.next();
                tables.put(table.getKey(), new TableData(row.getLong(1), row.getString(2)));
            }
        }
        return new DataFingerprint(tables);
    }

    /** The total number of rows over all chatbot tables. */
    public long totalRows() {
        return tables.values().stream().mapToLong(TableData::rows).sum();
    }
}
