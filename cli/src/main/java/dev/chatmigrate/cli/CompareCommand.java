package dev.chatmigrate.cli;

import dev.chatmigrate.cli.compare.Comparison;
import dev.chatmigrate.cli.compare.ComparisonReport;
import dev.chatmigrate.cli.compare.ComparisonRow;
import dev.chatmigrate.cli.compare.RoundTripTime;
import dev.chatmigrate.core.MigrationEngines;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code chatmigrate compare}: every engine on every database state, cold and warm, verified. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Times the first migrate in a fresh JVM that has connected once (cold) and the following ones (warm) for the jdbc baseline and every engine,"
                + " on EMPTY, PARTIAL and COMPLETE schemas, and verifies each result. Uses fresh schemas in the database.")
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    ChatmigrateCommand root;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write compare.md and the chart compare.png into DIR.")
    Path out;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Warm migrates per engine and state after the cold one (default 5).")
    int runs;

    @Option(names = "--rtt", paramLabel = "TIME", description = "Also migrate each engine and state once through a proxy that adds TIME to"
            + " every round trip (such as 50ms or 0) and report its round trips and wall time beside cold and warm.")
    String rtt;

    @Override
    public Integer call() {
        try (DatabaseSession session = DatabaseSession.open(root.configuration(), root.err())) {
            List<String> engines = MigrationEngines.measuredIds();
            List<ComparisonRow> rows = new Comparison(session.database(), Math.max(1, runs), root.err(),
                    rtt == null ? null : RoundTripTime.parse(rtt)).run(engines);
            ComparisonReport report = new ComparisonReport(rows);
            if (out != null) {
                report.write(out, "Measured on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + ", " + System.getProperty("os.name") + ".");
                root.err().println("chatmigrate: wrote " + out.resolve(ComparisonReport.MARKDOWN) + " and " + out.resolve(ComparisonReport.CHART));
            }
            root.out().print(root.json ? report.json() + System.lineSeparator() : report.table());
            root.out().flush();
            return rows.stream().allMatch(ComparisonRow::verified) ? 0 : VerifyCommand.DRIFT;
        }
    }
}
