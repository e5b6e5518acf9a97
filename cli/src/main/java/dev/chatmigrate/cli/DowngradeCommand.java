package dev.chatmigrate.cli;

import dev.chatmigrate.spi.MigrationReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chatmigrate downgrade --target N}: undoes newer versions, refusing to destroy rows unless allowed, and refused
 * (exit 2) while {@code CHATMIGRATE_ENABLED=false}.
 */
@Command(name = "downgrade", resourceBundle = "dev.chatmigrate.cli.HelpValues", mixinStandardHelpOptions = true,
        description = "Undoes every version above --target, newest first. Refused (exit 6) when it would drop rows, unless --allow-data-loss.")
final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand
    ChatmigrateCommand root;

    @Option(names = "--target", required = true, paramLabel = "N", description = "Version to go down to, 0 to ${bundle:versionBeforeLatest} (0 drops every chatbot table).")
    int target;

    @Option(names = "--allow-data-loss", description = "Downgrade even if rows or values are destroyed.")
    boolean allowDataLoss;

    @Override
    public Integer call() {
        try (DatabaseSession session = DatabaseSession.open(root.configuration(), root.err())) {
            MigrationReport report = session.chatmigrate().downgrade(target, allowDataLoss);
            MigrateCommand.print(root, report, session.settings().schema());
        }
        return 0;
    }
}
