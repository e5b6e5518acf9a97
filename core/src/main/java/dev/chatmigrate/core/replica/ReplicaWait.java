package dev.chatmigrate.core.replica;

import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.StandbyReplay;
import dev.chatmigrate.spi.StandbysBehindException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a migration's last change, waits until every streaming standby of the primary has replayed the migration's last
 * commit, so that an application reading from its replicas finds the new schema there when {@code migrate} returns. The
 * reference is the primary's {@code pg_current_wal_lsn()} read after the last commit, compared with each standby's
 * {@code replay_lsn} in {@code pg_stat_replication}; the wait is bounded by the replica wait ({@code replica-wait},
 * {@code 0} turns it off), past which {@link StandbysBehindException} names each standby still behind and says the
 * migration itself is complete. Costs nothing when the primary had no standby when the lock was taken
 * ({@link Standbys#COUNT} is read with the runner's other facts), and nothing on a run that changed nothing. See
 * docs/design.md, "Replicas".
 */
public final class ReplicaWait {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaWait.class);
    /** The default wait: long enough for a standby delayed by {@code max_standby_streaming_delay}'s default of 30 s. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    /** The setting's key, as messages name it; {@code core.Setting} takes it from here (this package cannot depend on it). */
    public static final String SETTING = "replica-wait";

    /** {@code wait}, if it may bound the wait: zero or more. */
    public static Duration require(Duration wait) {
        if (wait.isNegative()) {
            throw new InvalidConfigurationException("The replica wait must not be negative: found " + wait + ".", SETTING,
                    "a duration such as 30s, or 0 not to wait", wait.toString());
        }
        return wait;
    }
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration LONGEST_POLL = Duration.ofMillis(500);

    private ReplicaWait() {
    }

    /**
     * {@code report} once every standby has replayed it, with where each stood, on {@code connection} to the primary
     * (in autocommit mode, every change of the migration committed). Returns {@code report} at once when it changed
     * nothing, the wait is zero or there were no standbys ({@code standbysAtStart}).
     *
     * @throws StandbysBehindException when a standby had not replayed the migration within {@code wait}
     */
    public static MigrationReport await(Connection connection, MigrationReport report, String schema, int standbysAtStart, Duration wait)
            throws SQLException {
        if (report.changedNothing() || wait.isZero() || standbysAtStart == 0) {
            return report;
        }
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        List<StandbyReplay> positions = Standbys.againstCurrentPosition(connection);
        if (positions.isEmpty()) {
            return report;
        }
        String reference = positions.get(0).referenceLsn();
        if (!allReplayed(positions)) {
            LOG.info("Waiting up to {} ms for {} streaming standby(s) to replay the migration ({}): {}", wait.toMillis(), positions.size(),
                    reference, describe(positions));
        }
        long pause = FIRST_POLL.toMillis();
        while (!allReplayed(positions)) {
            if (positions.stream().anyMatch(p -> !p.visible())) {
                LOG.warn("Cannot see the standbys' replay positions (the role needs the privileges of pg_monitor or pg_read_all_stats):"
                        + " not waiting for {}", describe(positions));
                return report.withStandbys(positions);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw behind(report, schema, wait, positions);
            }
            sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, LONGEST_POLL.toMillis());
            positions = Standbys.against(connection, reference);
        }
        LOG.info("Every standby replayed the migration ({}) within {} ms: {}", reference, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                describe(positions));
        return report.withStandbys(positions);
    }

    private static boolean allReplayed(List<StandbyReplay> positions) {
        return positions.stream().allMatch(StandbyReplay::replayed);
    }

    private static StandbysBehindException behind(MigrationReport report, String schema, Duration wait, List<StandbyReplay> positions) {
        List<StandbyReplay> late = positions.stream().filter(p -> !p.replayed()).toList();
        return new StandbysBehindException("The migration itself is complete: schema " + schema + " is at version " + report.versionAfter()
                + (report.host() == null ? "" : " on the primary " + report.host()) + ". But " + late.size() + " of " + positions.size()
                + " streaming standbys had not replayed it within the replica-wait (" + wait.toMillis() + " ms), so their readers still see"
                + " the old schema: " + describe(late) + ". A standby replays late while its readers hold locks that the migration's DDL"
                + " conflicts with (max_standby_streaming_delay), or when its replay is paused or it is overloaded. Running again changes"
                + " nothing and waits again; raise replica-wait to wait longer, or set it to 0 not to wait.", positions);
    }

    private static String describe(List<StandbyReplay> positions) {
        return positions.stream().map(StandbyReplay::describe).collect(Collectors.joining("; "));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the standbys", e);
        }
    }
}
