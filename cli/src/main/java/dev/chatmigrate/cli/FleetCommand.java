package dev.chatmigrate.cli;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.core.Setting;
import dev.chatmigrate.core.fleet.Fleet;
import dev.chatmigrate.core.fleet.FleetReport;
import dev.chatmigrate.core.fleet.SchemaSelection;
import dev.chatmigrate.core.fleet.TargetWork;
import dev.chatmigrate.spi.InvalidConfigurationException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A command run over a fleet ({@link FleetOptions}): the databases of {@code --databases}, or else the configured one
 * (an embedded PostgreSQL when none is), times the schemas of {@code --schemas}; a progress line on standard error as
 * each target finishes, then the summary ({@link FleetOutput}). The exit code is the worst target's.
 */
final class FleetCommand {

    private FleetCommand() {
    }

    /** Runs {@code work} on every target, each configured by {@code root}'s sources plus a subcommand's {@code extras}. */
    static int run(ChatmigrateCommand root, FleetOptions options, Map<Setting, String> extras, String operation, TargetWork work) {
        ChatmigrateConfiguration configuration = root.configuration(extras);
        Fleet fleet = Fleet.configure().eachTarget(each -> root.configure(each, extras)).defaultSchema(configuration.schema())
                .connectTimeout(configuration.connectTimeout()).failFast(options.failFast);
        if (options.parallel != null) {
            fleet.parallel(options.parallel);
        }
        if (options.canary != null) {
            fleet.canary(options.canary);
        }
        if (options.schemas != null) {
            fleet.schemas(SchemaSelection.parse(options.schemas));
        }
        AtomicInteger finished = new AtomicInteger();
        fleet.progress(result -> {
            root.err().println("chatmigrate: [" + finished.incrementAndGet() + "] " + FleetOutput.progressLine(result));
            root.err().flush();
        });
        if (options.databases != null) {
            FleetDatabases.read(options.databases, root.environment).forEach(fleet::database);
            return report(root, operation, fleet.run(work));
        }
        try (DatabaseSession session = DatabaseSession.open(configuration, root.err())) {
            Database database = session.database();
            fleet.database(database);
            return report(root, operation, fleet.run(work));
        }
    }

    private static int report(ChatmigrateCommand root, String operation, FleetReport report) {
        if (report.results().isEmpty()) {
            throw new InvalidConfigurationException("No target: --schemas matched no schema of the databases given; expected at least one."
                    + " A glob matches the schemas that exist (without pg_* and information_schema); name a schema to create it.",
                    "schemas", "at least one target", "none");
        }
        int exitCode = report.exitCode(Failures::exitCode);
        if (root.json) {
            FleetOutput.json(root.out(), operation, report, exitCode);
        } else {
            FleetOutput.text(root.out(), operation, report, exitCode);
        }
        report.failed().forEach(failed -> root.err().println("chatmigrate: " + failed.target().name() + " failed: " + failed.message()));
        root.err().flush();
        return exitCode;
    }
}
