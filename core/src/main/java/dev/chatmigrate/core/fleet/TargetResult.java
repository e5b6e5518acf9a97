package dev.chatmigrate.core.fleet;

import dev.chatmigrate.spi.MigrationException;
import java.time.Duration;
import java.util.Optional;

/**
 * What a fleet's run did on one target.
 *
 * @param target        the target
 * @param engine        the engine's id
 * @param versionBefore the version before the run ({@code -1} when it did not run or could not tell)
 * @param versionAfter  the version after the run ({@code -1} when it did not run or could not tell)
 * @param time          how long the target took
 * @param outcome       what happened
 * @param failure       the kind of failure, when it {@link Outcome#FAILED}
 * @param message       the one-paragraph error of a failure, or a short note (never a password)
 */
public record TargetResult(FleetTarget target, String engine, int versionBefore, int versionAfter, Duration time, Outcome outcome,
                           Optional<MigrationException.Kind> failure, String message) {

    /** What happened on a target. */
    public enum Outcome {
        /** The operation changed the target (migrate applied or adopted something). */
        CHANGED,
        /** The operation succeeded without changing anything: a no-op restart, or a read-only operation. */
        UNCHANGED,
        /** The operation failed; {@link #failure()} says how. */
        FAILED,
        /** Not run: a canary or another target failed first with fail-fast. */
        NOT_RUN
    }

    static TargetResult notRun(FleetTarget target, String engine, String why) {
        return new TargetResult(target, engine, -1, -1, Duration.ZERO, Outcome.NOT_RUN, Optional.empty(), why);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
