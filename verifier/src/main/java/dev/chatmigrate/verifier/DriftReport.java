package dev.chatmigrate.verifier;

import java.util.List;

/** Every difference between the schema expected at {@code version} and the database; empty when they match. */
public record DriftReport(String schema, int version, List<Drift> drifts) {

    public DriftReport {
        drifts = List.copyOf(drifts);
    }

    /** Whether the database has exactly the canonical objects, no more and no fewer. */
    public boolean isClean() {
        return drifts.isEmpty();
    }

    /** Whether every canonical object is present and right; objects the canonical schema does not have may exist besides. */
    public boolean canonicalObjectsMatch() {
        return differences().isEmpty();
    }

    /** The canonical objects missing or different. */
    public List<Drift> differences() {
        return drifts.stream().filter(d -> !d.isExtra()).toList();
    }

    /** The objects the canonical schema does not have. */
    public List<Drift> extras() {
        return drifts.stream().filter(Drift::isExtra).toList();
    }

    /** One line per difference, or a line saying the schema matches. */
    @Override
    public String toString() {
        if (drifts.isEmpty()) {
            return "schema " + schema + " matches version " + version;
        }
        StringBuilder text = new StringBuilder("schema " + schema + (canonicalObjectsMatch() ? " matches version " + version
                + ", besides objects it does not have:" : " differs from version " + version + ":"));
        drifts.forEach(d -> text.append(System.lineSeparator()).append("  - ").append(d));
        return text.toString();
    }
}
