package dev.chatmigrate.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What a migrate or downgrade did: the engine, the version before and after, each step with its
 * duration, the total duration, and what existing tables were adopted and why; where it ran and, after a migrate that
 * changed something, where each streaming standby stood once it was waited for.
 *
 * @param adoption       one sentence per adoption action (renamed constraint, baseline recorded, ...);
 *                       empty when nothing was adopted
 * @param alreadyPresent the versions the engine recorded in its history as already there, without applying them
 *                       (the tables were at those versions when it took the schema over); {@code steps} holds only
 *                       what was applied
 * @param trackedBy      the other engine whose history tracks the schema when this engine changed nothing because of
 *                       it (no deliberate switch was asked for); empty as a rule
 * @param host           the server it ran on, as {@code host:port} (with several hosts in the URL, the primary among
 *                       them); {@code null} when the connection cannot tell
 * @param standbys       the primary's streaming standbys and their replay of the migration's last commit; empty when
 *                       there were none, nothing was changed, or the wait was turned off
 */
public record MigrationReport(
        String engineId,
        int versionBefore,
        int versionAfter,
        List<AppliedStep> steps,
        Duration duration,
        List<String> adoption,
        List<Integer> alreadyPresent,
        Optional<String> trackedBy,
        String host,
        List<StandbyReplay> standbys) {

    public MigrationReport {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(trackedBy, "trackedBy");
        steps = List.copyOf(steps);
        adoption = List.copyOf(adoption);
        alreadyPresent = List.copyOf(alreadyPresent);
        standbys = List.copyOf(standbys);
    }

    /**
     * What an engine reports: nothing recorded as already present, no other engine tracking the schema; where it ran
     * and the standbys are the runner's to add.
     */
    public MigrationReport(String engineId, int versionBefore, int versionAfter, List<AppliedStep> steps, Duration duration, List<String> adoption) {
        this(engineId, versionBefore, versionAfter, steps, duration, adoption, List.of(), Optional.empty(), null, List.of());
    }

    /** A report of an engine that changed nothing because {@code tracker}'s history tracks the schema, its tables at {@code version}. */
    public static MigrationReport trackedBy(String engineId, String tracker, int version) {
        return new MigrationReport(engineId, version, version, List.of(), Duration.ZERO, List.of(), List.of(), Optional.of(tracker), null, List.of());
    }

    /** True when neither a step ran nor anything was adopted: the common restart. */
    public boolean changedNothing() {
        return steps.isEmpty() && adoption.isEmpty() && alreadyPresent.isEmpty();
    }

    /** This report with {@code notes} placed before the engine's own adoption notes. */
    public MigrationReport withAdoptionFirst(List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(adoption);
        return new MigrationReport(engineId, versionBefore, versionAfter, steps, duration, all, alreadyPresent, trackedBy, host, standbys);
    }

    /** This report with the total duration replaced, for callers that time more than the engine did. */
    public MigrationReport withDuration(Duration total) {
        return new MigrationReport(engineId, versionBefore, versionAfter, steps, total, adoption, alreadyPresent, trackedBy, host, standbys);
    }

    /**
     * This report when the tables were already at {@code present} before the engine ran: versions 1 to {@code present}
     * are recorded as already there, the steps of those versions (run idempotently, changing nothing) are left out, and the
     * version before is {@code present}.
     */
    public MigrationReport withAlreadyPresent(int present) {
        if (present <= 0) {
            return this;
        }
        List<Integer> recorded = IntStream.rangeClosed(1, Math.min(present, versionAfter)).boxed().toList();
        return new MigrationReport(engineId, Math.max(versionBefore, present), versionAfter,
                steps.stream().filter(step -> step.version() > present).toList(), duration, adoption, recorded, trackedBy, host, standbys);
    }

    /** This report saying it ran on {@code hostAndPort}. */
    public MigrationReport withHost(String hostAndPort) {
        return new MigrationReport(engineId, versionBefore, versionAfter, steps, duration, adoption, alreadyPresent, trackedBy, hostAndPort, standbys);
    }

    /** This report with where the standbys stood once the runner waited for them. */
    public MigrationReport withStandbys(List<StandbyReplay> positions) {
        return new MigrationReport(engineId, versionBefore, versionAfter, steps, duration, adoption, alreadyPresent, trackedBy, host, positions);
    }
}
