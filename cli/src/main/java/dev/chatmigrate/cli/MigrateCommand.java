package dev.chatmigrate.cli;

import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.core.Setting;
import java.util.EnumMap;
import java.util.Map;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.chatmigrate.core.fleet.TargetWork;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chatmigrate migrate}: adopts existing tables and applies every pending version; with {@code CHATMIGRATE_ENABLED=false},
 * changes nothing and fails (exit 4) on a schema older than the target, as the API and the Spring starter do.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, resourceBundle = "dev.chatmigrate.cli.HelpValues",
        description = "Brings the schema to the latest version (or --target), adopting tables that exist without history.")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    ChatmigrateCommand root;

    @Option(names = "--target", paramLabel = "N", description = "Version to migrate to, 1 to ${bundle:latestVersion} or latest (CHATMIGRATE_TARGET; default latest).")
    String target;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--switch-engine", descriptionKey = "setting.switch-engine")
    Boolean switchEngine;

    @Override
    public Integer call() {
        ChatmigrateConfiguration configuration = root.configuration(flags());
        if (fleet.requested() && configuration.enabled()) {
            return FleetCommand.run(root, fleet, flags(), "migrate", TargetWork.MIGRATE);
        }
        if (!configuration.enabled()) {
            root.err().println("chatmigrate: migrations are disabled (" + Setting.ENABLED.environmentVariable() + "=false from "
                    + configuration.source(Setting.ENABLED) + "): nothing will be changed; checking that the schema is at least at version "
                    + configuration.target());
            root.err().flush();
        }
        try (DatabaseSession session = DatabaseSession.open(configuration, root.err())) {
            MigrationReport report = session.chatmigrate().migrate();
            print(root, report, session.settings().schema());
        }
        return 0;
    }

    /** This subcommand's own settings: the target and the deliberate engine switch. */
    private Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.TARGET, target);
        flags.put(Setting.SWITCH_ENGINE, switchEngine == null ? null : switchEngine.toString());
        return flags;
    }

    /** Prints {@code report} as text, or as JSON with {@code --json}. */
    static void print(ChatmigrateCommand root, MigrationReport report, String schema) {
        if (root.json) {
            JsonOutput.migration(root.out(), report, schema);
        } else {
            printText(root.out(), report, schema);
        }
    }

    private static void printText(PrintWriter out, MigrationReport report, String schema) {
        if (report.trackedBy().isPresent()) {
            out.printf("%s: schema %s is tracked by %s at version %d; %s changed nothing (to switch engines, once: migrate --engine %s %s)%n",
                    report.engineId(), schema, report.trackedBy().get(), report.versionAfter(), report.engineId(), report.engineId(),
                    Setting.SWITCH_ENGINE.flag().orElseThrow());
            return;
        }
        String on = report.host() == null ? "" : " on " + report.host();
        if (report.steps().isEmpty()) {
            out.printf("%s: schema %s is at version %d, nothing to apply%s (%d ms)%n", report.engineId(), schema, report.versionAfter(), on,
                    report.duration().toMillis());
        } else {
            out.printf("%s: schema %s %s from version %d to %d%s in %d ms%n", report.engineId(), schema,
                    report.versionAfter() >= report.versionBefore() ? "migrated" : "downgraded", report.versionBefore(), report.versionAfter(),
                    on, report.duration().toMillis());
        }
        for (AppliedStep step : report.steps()) {
            out.printf("  version %d  %-40s %5d ms%n", step.version(), step.description(), step.duration().toMillis());
        }
        if (!report.alreadyPresent().isEmpty()) {
            out.printf("  recorded as already present (not applied): versions %s%n", report.alreadyPresent());
        }
        report.adoption().forEach(note -> out.println("  adopted: " + note));
        report.standbys().forEach(standby -> out.println("  standby " + standby.describe()));
    }
}
