package dev.chatmigrate.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a migrate or downgrade did: the engine, the version before and after, each step with its
 * duration, the total duration, and what existing tables were adopted and why.
 *
 * @param adoption one sentence per adoption action (renamed constraint, baseline recorded, ...);
 *                 empty when nothing was adopted
 */
public record MigrationReport(
        String engineId,
        int versionBefore,
        int versionAfter,
        List<AppliedStep> steps,
        Duration duration,
        List<String> adoption) {

    public MigrationReport {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(duration, "duration");
        steps = List.copyOf(steps);
        adoption = List.copyOf(adoption);
    }

    /** True when neither a step ran nor anything was adopted: the common restart. */
    public boolean changedNothing() {
        return steps.isEmpty() && adoption.isEmpty();
    }

    /** This report with {@code notes} placed before the engine's own adoption notes. */
    public MigrationReport withAdoptionFirst(List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(adoption);
        return new MigrationReport(engineId, versionBefore, versionAfter, steps, duration, all);
    }

    /** This report with the total duration replaced, for callers that time more than the engine did. */
    public MigrationReport withDuration(Duration total) {
        return new MigrationReport(engineId, versionBefore, versionAfter, steps, total, adoption);
    }
}
