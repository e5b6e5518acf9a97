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
 */
public record StatusReport(String engineId, int currentVersion, List<Integer> applied, List<Integer> pending, List<String> notes) {

    public StatusReport {
        Objects.requireNonNull(engineId, "engineId");
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        notes = List.copyOf(notes);
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
        return new StatusReport(engineId, currentVersion, applied, pending, all);
    }
}
