package dev.chatmigrate.cli;

import dev.chatmigrate.spi.StatusReport;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.chatmigrate.core.fleet.TargetWork;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code chatmigrate status}: the applied version and what is pending. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows the applied version and the pending ones.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    ChatmigrateCommand root;

    @Mixin
    FleetOptions fleet;

    @Override
    public Integer call() {
        if (fleet.requested()) {
            return FleetCommand.run(root, fleet, Map.of(), "status", TargetWork.STATUS);
        }
        try (DatabaseSession session = DatabaseSession.open(root.configuration(), root.err())) {
            StatusReport status = session.chatmigrate().status();
            if (root.json) {
                JsonOutput.status(root.out(), status, session.settings().schema());
                return 0;
            }
            if (status.applied().isEmpty() && !status.notes().isEmpty()) {
                root.out().printf("%s: keeps no history of schema %s%n", status.engineId(), session.settings().schema());
            } else {
                root.out().printf("%s: schema %s is at version %d; applied %s; %s%n", status.engineId(), session.settings().schema(),
                        status.currentVersion(), status.applied(), status.upToDate() ? "up to date" : "pending " + status.pending());
            }
            status.notes().forEach(note -> root.out().println("  note: " + note));
            status.standbys().forEach(standby -> root.out().println("  standby " + standby.describe()));
        }
        return 0;
    }
}
