package dev.chatmigrate.cli;

import dev.chatmigrate.core.MigrationPlan;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SmokeCheck;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chatmigrate verify}: checks the real schema against the canonical one at the engine's version, then
 * writes and reads a message (rolled back). Exit code 4 when a canonical object is missing or different, or the
 * smoke check fails; objects the canonical schema does not have are reported, and fail only with {@code --strict}.
 * The advice names a command only when that command would change what is reported.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks the tables against the canonical schema at the applied version and runs a read/write smoke check.",
                "Objects the canonical schema does not have (an ORM's or a DBA's index) are reported; they fail only with --strict."})
final class VerifyCommand implements Callable<Integer> {

    static final int DRIFT = 4;

    @ParentCommand
    ChatmigrateCommand root;

    @Option(names = "--strict", description = "Fail (exit 4) on objects the canonical schema does not have, too.")
    boolean strict;

    @Mixin
    FleetOptions fleet;

    @Override
    public Integer call() {
        if (fleet.requested()) {
            return FleetCommand.run(root, fleet, Map.of(), "verify", new FleetVerification(strict));
        }
        try (DatabaseSession session = DatabaseSession.open(root.configuration(), root.err())) {
            StatusReport status = session.chatmigrate().status();
            SchemaCheck check = SchemaCheck.of(session.chatmigrate(), status.currentVersion());
            DriftReport drift = check.drift();
            SmokeCheck.Result smoke = check.smoke();
            if (root.json) {
                JsonOutput.verification(root.out(), status.engineId(), drift, smoke);
            } else {
                root.out().println(status.engineId() + ": " + drift);
                if (smoke != null) {
                    root.out().println(status.engineId() + ": read/write smoke check " + (smoke.skipped() ? "" : smoke.passed() ? "passed: " : "FAILED: ") + smoke.detail());
                }
            }
            if (!drift.canonicalObjectsMatch()) {
                root.err().println("chatmigrate: the schema differs from version " + status.currentVersion() + "; " + advice(session, status));
                return DRIFT;
            }
            if (smoke != null && !smoke.passed()) {
                root.err().println("chatmigrate: the read/write smoke check failed; see docs/troubleshooting.md");
                return DRIFT;
            }
            if (strict && !drift.extras().isEmpty()) {
                root.err().println("chatmigrate: --strict: " + drift.extras().size() + " object(s) are not part of the canonical schema."
                        + " chatmigrate never drops what it does not own: drop them yourself if nothing uses them, or verify without --strict.");
                return DRIFT;
            }
        }
        return 0;
    }

    /** What would fix the differences: migrate only when its plan changes something and would succeed. */
    private static String advice(DatabaseSession session, StatusReport status) {
        MigrationPlan plan = session.runner().plan(Math.max(1, Math.min(status.currentVersion(), ChatbotSchema.LATEST_VERSION)));
        if (!plan.wouldSucceed()) {
            return "migrate would refuse to reconcile it (" + plan.conflicts().get(0) + (plan.conflicts().size() > 1 ? "; and more" : "")
                    + "); chatmigrate plan lists every conflict, see docs/troubleshooting.md";
        }
        if (plan.changesNothing()) {
            return "migrate would not change this: fix these objects yourself, see docs/troubleshooting.md";
        }
        return "chatmigrate migrate reconciles it (chatmigrate plan shows each step first)";
    }
}
