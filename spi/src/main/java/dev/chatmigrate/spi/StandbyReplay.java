package dev.chatmigrate.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one streaming standby of the primary stood against a reference position of the primary's write-ahead log: the
 * migration's last commit after {@code migrate}, the primary's position at the time of {@code status} (a change of the
 * schema is at or before it). From {@code pg_stat_replication}; see docs/design.md, "Replicas".
 *
 * @param name          the standby's {@code application_name} (pg_auto_failover and Patroni set the node's name)
 * @param clientAddress the standby's address as the primary sees it, or {@code local socket}
 * @param state         the WAL sender's state ({@code streaming}, {@code catchup}, ...)
 * @param referenceLsn  the position compared with, such as {@code 0/3000148}
 * @param replayLsn     the last position the standby replayed; {@code null} when the role may not see it
 *                      (it needs the privileges of {@code pg_read_all_stats})
 * @param bytesBehind   how far the replay is behind the reference, {@code 0} once it has passed it; {@code null} when unknown
 * @param replayLag     the standby's {@code replay_lag} as the primary measured it, {@code null} when idle or unknown
 */
public record StandbyReplay(String name, String clientAddress, String state, String referenceLsn, String replayLsn, Long bytesBehind,
                            Duration replayLag) {

    public StandbyReplay {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(referenceLsn, "referenceLsn");
    }

    /** Whether the standby has replayed the reference position: its readers see the schema as it was there. */
    public boolean replayed() {
        return bytesBehind != null && bytesBehind == 0;
    }

    /** Whether the role could see the standby's position. */
    public boolean visible() {
        return replayLsn != null;
    }

    public Optional<Duration> lag() {
        return Optional.ofNullable(replayLag);
    }

    /** One line naming the standby and where it stands, such as {@code node2 (127.0.0.1): 8192 bytes behind 0/3000148, replay lag 1.2 s}. */
    public String describe() {
        String where = name + " (" + clientAddress + ")";
        if (!visible()) {
            return where + ": replay position not visible to this role (grant it pg_monitor or pg_read_all_stats)";
        }
        String lagText = replayLag == null ? "" : ", replay lag " + replayLag.toMillis() + " ms";
        return where + (replayed() ? ": replayed " + referenceLsn + " (at " + replayLsn + ")" : ": " + bytesBehind + " bytes behind "
                + referenceLsn + " (at " + replayLsn + ")") + lagText;
    }
}
