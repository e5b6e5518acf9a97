package dev.chatmigrate.core.fleet;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.MigrationPlan;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.SchemaConflictException;
import dev.chatmigrate.spi.StatusReport;

/**
 * What a fleet does on each target, through the single-target {@link Chatmigrate} of that target; a failure is thrown
 * as the {@link dev.chatmigrate.spi.MigrationException} the single target would throw.
 */
@FunctionalInterface
public interface TargetWork {

    /** Migrates to the configured target version; a restart with nothing to apply is {@link TargetResult.Outcome#UNCHANGED}. */
    TargetWork MIGRATE = chatmigrate -> {
        MigrationReport report = chatmigrate.migrate();
        boolean changed = !report.steps().isEmpty() || !report.adoption().isEmpty();
        return new Done(report.versionBefore(), report.versionAfter(), changed,
                changed ? report.steps().size() + " version(s) applied" + (report.adoption().isEmpty() ? "" : ", " + report.adoption().size() + " adoption step(s)")
                        : "no-op restart, nothing to apply");
    };

    /** The engine's status; changes nothing. */
    TargetWork STATUS = chatmigrate -> {
        StatusReport status = chatmigrate.status();
        return new Done(status.currentVersion(), status.currentVersion(), false, status.upToDate() ? "up to date" : "pending " + status.pending());
    };

    /** The plan of migrate; a plan that would refuse fails as a conflict, naming the first conflict. */
    TargetWork PLAN = chatmigrate -> {
        MigrationPlan plan = chatmigrate.plan();
        if (!plan.wouldSucceed()) {
            throw new SchemaConflictException("migrate would refuse on schema " + plan.schema() + ": " + plan.conflicts().get(0)
                    + (plan.conflicts().size() > 1 ? " (and " + (plan.conflicts().size() - 1) + " more)" : "") + "; nothing was changed.",
                    java.util.List.of("chatmigrate plan on this schema alone lists every conflict"));
        }
        int from = plan.target() - plan.versionsToApply().size();
        return new Done(from, plan.target(), false, plan.changesNothing() ? "nothing to do" : plan.adoption().size() + " adoption step(s), versions "
                + plan.versionsToApply());
    };

    /** Runs on one target; throws what the single target would. */
    Done run(Chatmigrate chatmigrate);

    /**
     * What the work did on a target that succeeded.
     *
     * @param versionBefore the version before
     * @param versionAfter  the version after
     * @param changed       whether the target was changed
     * @param note          a short note for the summary
     */
    record Done(int versionBefore, int versionAfter, boolean changed, String note) {
    }
}
