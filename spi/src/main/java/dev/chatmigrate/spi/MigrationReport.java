package dev.chatmigrate.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a migrate or downgrade did: the engine, the version before and after, each step with its
 * duration, the total duration, and what existing tables were adopted and why; where it ran and, after a migrate that
 * changed something, where each streaming standby stood once it was waited for.
 *
 * @param adoption one sentence per adoption action (renamed constraint, baseline recorded, ...);
 *                 empty when nothing was adopted
 * @param host     the server it ran on, as {@code host:port} (with several hosts in the URL, the primary among them);
 *                 {@code null} when the connection cannot tell
 * @param standbys the primary's streaming standbys and their replay of the migration's last commit; empty when there
 *                 were none, nothing was changed, or the wait was turned off
 */
public record MigrationReport(
        String engineId,
        int versionBefore,
        int versionAfter,
        List<AppliedStep> steps,
        Duration duration,
        List<String> adoption,
        String host,
        List<StandbyReplay> standbys) {

    public MigrationReport {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(duration, "duration");
        steps = List.copyOf(steps);
        adoption = List.copyOf(adoption);
        standbys = List.copyOf(standbys);
    }

    /** What an engine reports: where it ran and the standbys are the runner's to add. */
    public MigrationReport(String engineId, int versionBefore, int versionAfter, List<AppliedStep> steps, Duration duration, List<String> adoption) {
        this(engineId, versionBefore, versionAfter, steps, duration, adoption, null, List.of());
    }

    /** True when neither a step ran nor anything was adopted: the common restart. */
    public boolean changedNothing() {
        return steps.isEmpty() && adoption.isEmpty();
    }

    /** This report with {@code notes} placed before the engine's own adoption notes. */
    public MigrationReport withAdoptionFirst(List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(adoption);
        return new MigrationReport(engineId, versionBefore, versionAfter, steps, duration, all, host, standbys);
    }

    /** This report with the total duration replaced, for callers that time more than the engine did. */
    public MigrationReport withDuration(Duration total) {
        return new MigrationReport(engineId, versionBefore, versionAfter, steps, total, adoption, host, standbys);
    }

    /** This report saying it ran on {@code hostAndPort}. */
    public MigrationReport withHost(String hostAndPort) {
        return new MigrationReport(engineId, versionBefore, versionAfter, steps, duration, adoption, hostAndPort, standbys);
    }

    /** This report with where the standbys stood once the runner waited for them. */
    public MigrationReport withStandbys(List<StandbyReplay> positions) {
        return new MigrationReport(engineId, versionBefore, versionAfter, steps, duration, adoption, host, positions);
    }
}
