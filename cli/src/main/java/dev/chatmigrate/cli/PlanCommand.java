package dev.chatmigrate.cli;

import dev.chatmigrate.core.adoption.AdoptionStep;
import dev.chatmigrate.core.MigrationPlan;
import dev.chatmigrate.core.Setting;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.chatmigrate.core.fleet.TargetWork;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chatmigrate plan}: what {@code migrate} would do from this database, changing nothing — each adoption
 * step with its SQL, the lock it takes and whether it rewrites the table, the objects left in place, the
 * conversions requested and the versions to apply. Exit 0 when migrate would succeed, 4 when it would refuse.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, resourceBundle = "dev.chatmigrate.cli.HelpValues",
        description = {"Shows what migrate would do, changing nothing: each adoption step with its SQL, its lock and whether it rewrites a table,",
                "the objects left in place, the conversions requested and the versions to apply. Exit 0 when migrate would succeed, 4 when it would refuse."})
final class PlanCommand implements Callable<Integer> {

    static final int WOULD_REFUSE = 4;

    @ParentCommand
    ChatmigrateCommand root;

    @Option(names = "--target", paramLabel = "N", description = "Version to plan for, 1 to ${bundle:latestVersion} or latest (CHATMIGRATE_TARGET; default latest).")
    String target;

    @Mixin
    FleetOptions fleet;

    @Override
    public Integer call() {
        if (fleet.requested()) {
            return FleetCommand.run(root, fleet, java.util.Collections.singletonMap(Setting.TARGET, target), "plan", TargetWork.PLAN);
        }
        try (DatabaseSession session = DatabaseSession.open(root.configuration(Setting.TARGET, target), root.err())) {
            MigrationPlan plan = session.chatmigrate().plan();
            if (root.json) {
                JsonOutput.plan(root.out(), plan);
            } else {
                print(root.out(), plan);
            }
            if (!plan.wouldSucceed()) {
                root.err().println("chatmigrate: migrate would refuse: " + plan.conflicts().size() + " conflict(s), listed above; nothing was changed."
                        + (plan.refusedSettings().isEmpty() ? " See docs/troubleshooting.md." : " " + Failures.conversions(plan.refusedSettings())));
                return WOULD_REFUSE;
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, MigrationPlan plan) {
        out.printf("%s: plan for schema %s to version %d (nothing has been changed)%n", plan.engineId(), plan.schema(), plan.target());
        if (plan.adoption().isEmpty()) {
            out.println("adoption: nothing to reconcile");
        } else {
            int number = 1;
            if (plan.adoption().stream().anyMatch(step -> !step.concurrent())) {
                out.println("adoption, in one transaction (every lock is held until it commits):");
                number = print(out, plan, false, number);
            }
            if (plan.adoption().stream().anyMatch(AdoptionStep::concurrent)) {
                out.println("adoption, then outside any transaction, one step at a time (the chatbot's reads and writes go on):");
                print(out, plan, true, number);
            }
        }
        plan.extras().forEach(extra -> out.println("left in place (not part of the canonical schema): " + extra));
        out.println("conversions requested: " + (plan.conversions().isEmpty() ? "none" : String.join("; ", plan.conversions())));
        out.println("versions the engine would apply: " + (plan.versionsToApply().isEmpty() ? "none, its history proves version " + plan.target()
                : plan.historyRead() ? plan.versionsToApply() + " (its steps are idempotent over adopted tables)"
                : "those of " + plan.versionsToApply() + " its history does not record (this engine reads its history only when it starts)"));
        if (plan.wouldSucceed()) {
            out.println("migrate would succeed");
        } else {
            out.println("migrate would refuse and change nothing:");
            plan.conflicts().forEach(conflict -> out.println("  - " + conflict));
        }
    }

    /** Prints the adoption steps run in the transaction, or after it when {@code concurrent}; returns the next number. */
    private static int print(PrintWriter out, MigrationPlan plan, boolean concurrent, int first) {
        int number = first;
        for (AdoptionStep step : plan.adoption()) {
            if (step.concurrent() == concurrent) {
                out.printf("  %d. %s%n     sql:  %s%n     lock: %s; %s%n", number++, step.description(), step.sql(), step.lock(),
                        step.rewrites() ? "REWRITES the table" : "no table rewrite");
            }
        }
        return number;
    }
}
