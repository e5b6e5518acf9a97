package dev.chatmigrate.verifier;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Column;
import dev.chatmigrate.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row count and checksum of the chatbot data, over the columns every version since their table's
 * creation has ({@link ChatbotSchema#originalColumns}, so adding {@code token_count} does not change it). Equal fingerprints before and after
 * a migration mean no row was lost or changed.
 */
public record DataFingerprint(Map<String, TableData> tables) {

    /** One table's row count and the md5 of its rows in id order. */
    public record TableData(long rows, String md5) {
    }


    public DataFingerprint {
        tables = Map.copyOf(tables);
    }

    /** The fingerprint of every chatbot table that exists in {@code schema}. */
    public static DataFingerprint of(Connection connection, String schema) throws SQLException {
        Map<String, TableData> tables = new TreeMap<>();
        for (Table table : ChatbotSchema.TABLES) {
            String columns = String.join(", ", ChatbotSchema.originalColumns(table.name()).stream().map(Column::name).toList());
            String name = "\"" + schema + "\"." + table.name();
            try (Statement statement = connection.createStatement();
                 ResultSet exists = statement.executeQuery("select to_regclass('" + name.replace("'", "''") + "') is not null")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    continue;
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select count(*), coalesce(md5(string_agg(r::text, '|' order by r.id)), '')"
                         + " from (select " + columns + " from " + name + ") r")) {
                row.next();
                tables.put(table.name(), new TableData(row.getLong(1), row.getString(2)));
            }
        }
        return new DataFingerprint(tables);
    }

    /** The total number of rows over all chatbot tables. */
    public long totalRows() {
        return tables.values().stream().mapToLong(TableData::rows).sum();
    }
}
