package dev.chatmigrate.core.partition;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The range partitions a conversion creates: one per interval from the oldest message's to the current one, plus
 * {@link #PREMAKE} ahead (pg_partman's default), named as pg_partman names them ({@code messages_p2026_01}), in UTC.
 * Rows outside them (a clock far off) land in the default partition.
 */
final class RangePartitions {

    /** Intervals created ahead of the current one. */
    static final int PREMAKE = 4;
    /** More partitions than this means the interval is too small for the data. */
    static final int MOST = 1000;

    /** One partition: its name suffix and bounds, as timestamptz literals in UTC. */
    record Range(String suffix, String from, String to) {
    }

    private RangePartitions() {
    }

    /** The ranges covering the messages of {@code schema} from the oldest to {@link #PREMAKE} intervals after now. */
    static List<Range> of(Connection connection, String schema, PartitionLayout.Interval interval) throws SQLException {
        String step = "interval '" + interval.sql() + "'";
        String unit = "'" + interval.truncation() + "'";
        String sql = "with bounds as (select date_trunc(" + unit + ", coalesce(min(created_at), now()) at time zone 'UTC') as first,"
                + " date_trunc(" + unit + ", greatest(max(created_at), now()) at time zone 'UTC') + " + PREMAKE + " * " + step + " as last"
                + " from " + PartitionNames.qualified(schema, ChatbotSchema.MESSAGES) + ")\n"
                + "select 'p' || to_char(s, '" + interval.nameFormat().replace("'", "''") + "'), to_char(s, 'YYYY-MM-DD HH24:MI:SS+00'),"
                + " to_char(s + " + step + ", 'YYYY-MM-DD HH24:MI:SS+00')"
                + " from bounds, generate_series(bounds.first, bounds.last, " + step + ") s order by s";
        List<Range> ranges = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ranges.add(new Range(rows.getString(1), rows.getString(2), rows.getString(3)));
                if (ranges.size() > MOST) {
                    throw new InvalidConfigurationException("Partitioning messages by " + interval + " would need more than " + MOST
                            + " partitions to cover its rows from the oldest to now; nothing was changed. Expected a larger --interval.",
                            "interval", "an interval giving at most " + MOST + " partitions", interval.toString());
                }
            }
        }
        return ranges;
    }
}
