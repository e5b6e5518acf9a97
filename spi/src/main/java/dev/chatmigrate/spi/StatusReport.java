package dev.chatmigrate.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The versions an engine has recorded as applied, and the versions still pending up to the latest.
 *
 * @param currentVersion the highest applied version, {@code 0} when none is
 * @param notes          what the engine's own history cannot say, such as "the schema is tracked by
 *                       another engine"; empty as a rule
 * @param standbys       the primary's streaming standbys against its current position, which is at or after the
 *                       schema's last change (so one that has replayed it has the schema); added by the runner
 */
public record StatusReport(String engineId, int currentVersion, List<Integer> applied, List<Integer> pending, List<String> notes,
                           List<StandbyReplay> standbys) {

    public StatusReport {
        Objects.requireNonNull(engineId, "engineId");
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        notes = List.copyOf(notes);
        standbys = List.copyOf(standbys);
    }

    /** A report of the engine's own history with notes. */
    public StatusReport(String engineId, int currentVersion, List<Integer> applied, List<Integer> pending, List<String> notes) {
        this(engineId, currentVersion, applied, pending, notes, List.of());
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
        return new StatusReport(engineId, currentVersion, applied, pending, all, standbys);
    }

    /** This report with where the primary's streaming standbys stand. */
    public StatusReport withStandbys(List<StandbyReplay> positions) {
        return new StatusReport(engineId, currentVersion, applied, pending, notes, positions);
    }
}
