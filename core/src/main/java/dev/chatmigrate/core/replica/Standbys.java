package dev.chatmigrate.core.replica;

import dev.chatmigrate.spi.StandbyReplay;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The primary's streaming standbys, as {@code pg_stat_replication} lists them: every WAL sender but a base backup's
 * ({@code state = 'backup'}) and a logical subscription's (a logical slot; it replicates rows, not DDL). Cascaded
 * standbys stream from a standby and are listed there, not on the primary. A role without the privileges of
 * {@code pg_read_all_stats} sees the rows but not their positions.
 */
public final class Standbys {

    /** The rows of the primary's streaming standbys, {@code r} being {@code pg_stat_replication}. */
    private static final String STREAMING = "coalesce(r.state, '') <> 'backup' and not exists"
            + " (select 1 from pg_replication_slots s where s.active_pid = r.pid and s.slot_type = 'logical')";

    /** How many streaming standbys the primary has, as one SQL expression (to read beside other facts, no round trip of its own). */
    public static final String COUNT = "(select count(*)::int from pg_stat_replication r where " + STREAMING + ")";

    private Standbys() {
    }

    /** Where every standby stands against {@code referenceLsn} (a {@code pg_lsn} literal), one round trip. */
    public static List<StandbyReplay> against(Connection connection, String referenceLsn) throws SQLException {
        return read(connection, "'" + referenceLsn.replace("'", "") + "'::pg_lsn");
    }

    /**
     * Where every standby stands against the primary's current position, which is at or after any committed change:
     * one round trip, whose rows each carry that position.
     */
    public static List<StandbyReplay> againstCurrentPosition(Connection connection) throws SQLException {
        return read(connection, "pg_current_wal_lsn()");
    }

    private static List<StandbyReplay> read(Connection connection, String reference) throws SQLException {
        String sql = "with reference(lsn) as (select " + reference + ")"
                + " select coalesce(r.application_name, ''), coalesce(host(r.client_addr), 'local socket'), coalesce(r.state, 'unknown'),"
                + " reference.lsn::text, r.replay_lsn::text, greatest(0, pg_wal_lsn_diff(reference.lsn, r.replay_lsn))::bigint,"
                + " (extract(epoch from r.replay_lag) * 1000)::bigint from reference, pg_stat_replication r where " + STREAMING + " order by 1, 2";
        List<StandbyReplay> standbys = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                long behind = rows.getLong(6);
                Long bytesBehind = rows.wasNull() ? null : behind;
                long lagMillis = rows.getLong(7);
                Duration lag = rows.wasNull() ? null : Duration.ofMillis(lagMillis);
                standbys.add(new StandbyReplay(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        bytesBehind, lag));
            }
        }
        return standbys;
    }
}
