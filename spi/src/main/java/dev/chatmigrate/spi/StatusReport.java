package dev.chatmigrate.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The versions an engine has recorded as applied, and the versions still pending up to the latest.
 *
 * @param currentVersion the highest version in this engine's history, {@code 0} when none is
 * @param notes          what the engine's own history cannot say, such as "the schema is tracked by
 *                       another engine"; empty as a rule
 * @param trackedBy      the other engine whose history tracks the schema, when this engine's does not; then
 *                       {@code pending} lists only the versions above {@code tablesVersion}
 * @param tablesVersion  the version the tables are at, read from the catalog, when another engine tracks the schema
 * @param standbys       the primary's streaming standbys against its current position, which is at or after the
 *                       schema's last change (so one that has replayed it has the schema); added by the runner
 */
public record StatusReport(String engineId, int currentVersion, List<Integer> applied, List<Integer> pending, List<String> notes,
                           Optional<String> trackedBy, OptionalInt tablesVersion, List<StandbyReplay> standbys) {

    public StatusReport {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(trackedBy, "trackedBy");
        Objects.requireNonNull(tablesVersion, "tablesVersion");
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        notes = List.copyOf(notes);
        standbys = List.copyOf(standbys);
    }

    /** A report of the engine's own history, with notes. */
    public StatusReport(String engineId, int currentVersion, List<Integer> applied, List<Integer> pending, List<String> notes) {
        this(engineId, currentVersion, applied, pending, notes, Optional.empty(), OptionalInt.empty(), List.of());
    }

    /** A report of the engine's own history, without notes. */
    public StatusReport(String engineId, int currentVersion, List<Integer> applied, List<Integer> pending) {
        this(engineId, currentVersion, applied, pending, List.of());
    }

    /** True when nothing is pending. */
    public boolean upToDate() {
        return pending.isEmpty();
    }

    /** This report with {@code note} added. */
    public StatusReport withNote(String note) {
        List<String> all = new ArrayList<>(notes);
        all.add(note);
        return new StatusReport(engineId, currentVersion, applied, pending, all, trackedBy, tablesVersion, standbys);
    }

    /**
     * This report when {@code tracker}'s history tracks the schema, its tables at {@code version} (empty: at no declared
     * version): pending are only the versions above the tables'.
     */
    public StatusReport withTracker(String tracker, OptionalInt version) {
        List<Integer> stillPending = pending.stream().filter(v -> version.isEmpty() || v > version.getAsInt()).toList();
        return new StatusReport(engineId, currentVersion, applied, stillPending, notes, Optional.of(tracker), version, standbys);
    }

    /** This report with where the primary's streaming standbys stand. */
    public StatusReport withStandbys(List<StandbyReplay> positions) {
        return new StatusReport(engineId, currentVersion, applied, pending, notes, trackedBy, tablesVersion, positions);
    }
}
