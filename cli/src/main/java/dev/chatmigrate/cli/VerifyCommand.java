package dev.chatmigrate.cli;

import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import dev.chatmigrate.verifier.SmokeCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chatmigrate verify}: checks the real schema against the canonical one at the engine's
 * version, then writes and reads a message (rolled back). Exit code 4 on any difference.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks the tables against the canonical schema at the applied version and runs a read/write smoke check.")
final class VerifyCommand implements Callable<Integer> {

    static final int DRIFT = 4;

    @ParentCommand
    ChatmigrateCommand root;

    @Override
    public Integer call() {
        try (DatabaseSession session = DatabaseSession.open(root.configuration(), root.err())) {
            MigrationSettings settings = session.settings();
            StatusReport status = session.runner().status();
            try (Connection connection = session.runner().connect()) {
                DriftReport drift = SchemaVerifier.verify(connection, settings.schema(), status.currentVersion());
                SmokeCheck.Result smoke = status.currentVersion() >= 2 ? SmokeCheck.run(connection, settings.schema(), status.currentVersion()) : null;
                if (root.json) {
                    JsonOutput.verification(root.out(), status.engineId(), drift, smoke);
                } else {
                    root.out().println(status.engineId() + ": " + drift);
                    if (smoke != null) {
                        root.out().println(status.engineId() + ": read/write smoke check " + (smoke.passed() ? "passed: " : "FAILED: ") + smoke.detail());
                    }
                }
                if (!drift.isClean() || (smoke != null && !smoke.passed())) {
                    root.err().println("chatmigrate: the schema differs from version " + status.currentVersion()
                            + "; run chatmigrate migrate to reconcile it, or see docs/troubleshooting.md");
                    return DRIFT;
                }
            } catch (SQLException e) {
                throw new MigrationException(MigrationException.Kind.STEP_FAILED, "verify could not read the catalog: " + e.getMessage(), e);
            }
        }
        return 0;
    }
}
