package dev.chatmigrate.verifier;

import java.util.List;

/** Every difference between the schema expected at {@code version} and the database; empty when they match. */
public record DriftReport(String schema, int version, List<Drift> drifts) {

    public DriftReport {
        drifts = List.copyOf(drifts);
    }

    public boolean isClean() {
        return drifts.isEmpty();
    }

    /** One line per difference, or a line saying the schema matches. */
    @Override
    public String toString() {
        if (drifts.isEmpty()) {
            return "schema " + schema + " matches version " + version;
        }
        StringBuilder text = new StringBuilder("schema " + schema + " differs from version " + version + ":");
        drifts.forEach(d -> text.append(System.lineSeparator()).append("  - ").append(d));
        return text.toString();
    }
}
