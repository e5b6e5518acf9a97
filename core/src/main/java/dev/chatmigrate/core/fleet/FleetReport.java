package dev.chatmigrate.core.fleet;

import dev.chatmigrate.spi.MigrationException;
import java.time.Duration;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The result of a fleet's run: one {@link TargetResult} per target, in the order the targets were given.
 *
 * @param results            per target
 * @param time               the whole run
 * @param workers            the workers that ran it
 * @param connectionsPerServer the most connections the fleet may hold to one server at once, its listing of schemas aside
 * @param mostConnections      the most it held to one server at once in this run (counted as they were opened and closed)
 */
public record FleetReport(List<TargetResult> results, Duration time, int workers, int connectionsPerServer, int mostConnections) {

    public FleetReport {
        results = List.copyOf(results);
    }

    /** The targets that failed. */
    public List<TargetResult> failed() {
        return results.stream().filter(TargetResult::failed).toList();
    }

    /** How many targets had {@code outcome}. */
    public long count(TargetResult.Outcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }

    /** Whether every target ran and none changed: a second run after a successful one. */
    public boolean allUnchanged() {
        return !results.isEmpty() && count(TargetResult.Outcome.UNCHANGED) == results.size();
    }

    /** The worst code of the failures by {@code exitCode} (the command line's codes, say), or 0 when none failed. */
    public int exitCode(ToIntFunction<MigrationException.Kind> exitCode) {
        return failed().stream().mapToInt(result -> exitCode.applyAsInt(result.failure().orElseThrow())).max().orElse(0);
    }
}
