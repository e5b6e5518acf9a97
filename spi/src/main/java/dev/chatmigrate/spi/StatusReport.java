package dev.chatmigrate.spi;

import java.util.List;
import java.util.Objects;

/**
 * The versions an engine has recorded as applied, and the versions still pending up to the latest.
 *
 * @param currentVersion the highest applied version, {@code 0} when none is
 */
public record StatusReport(String engineId, int currentVersion, List<Integer> applied, List<Integer> pending) {

    public StatusReport {
        Objects.requireNonNull(engineId, "engineId");
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    /** True when nothing is pending. */
    public boolean upToDate() {
        return pending.isEmpty();
    }
}
