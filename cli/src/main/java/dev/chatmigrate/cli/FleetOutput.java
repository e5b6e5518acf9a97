package dev.chatmigrate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.core.fleet.FleetReport;
import dev.chatmigrate.core.fleet.TargetResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** How a fleet's run is shown: a progress line per target, then a summary table or one JSON document. */
final class FleetOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] HEADINGS = {"target", "engine", "from → to", "time", "result"};

    record Row(String target, String engine, Integer versionBefore, Integer versionAfter, long timeMs, String result, String failure,
               Integer exitCode, String message) {
    }

    record Summary(String operation, int exitCode, int targets, long changed, long unchanged, long failed, long notRun, boolean allUnchanged,
                   int parallel, int connectionsPerServer, int mostConnections, long timeMs, List<Row> rows) {
    }

    private FleetOutput() {
    }

    /** One target as it finishes, such as {@code tenant_007 flyway 0 → 4 in 35 ms: changed (4 version(s) applied)}. */
    static String progressLine(TargetResult result) {
        return result.target().name() + " " + result.engine() + " " + versions(result) + " in " + result.time().toMillis() + " ms: "
                + result(result);
    }

    static void text(PrintWriter out, String operation, FleetReport report, int exitCode) {
        List<String[]> rows = report.results().stream().map(result -> new String[] {result.target().name(), result.engine(), versions(result),
                result.time().toMillis() + " ms", result(result)}).toList();
        int[] widths = new int[HEADINGS.length];
        for (int column = 0; column < HEADINGS.length; column++) {
            widths[column] = HEADINGS[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        line(out, HEADINGS, widths);
        rows.forEach(row -> line(out, row, widths));
        out.printf("%s: %d target(s) in %d ms with %d worker(s) (%d connections to a server at most, bound %d): %d changed, %d unchanged, %d failed, %d not run; exit %d%n",
                operation, report.results().size(), report.time().toMillis(), report.workers(), report.mostConnections(), report.connectionsPerServer() + 1,
                report.count(TargetResult.Outcome.CHANGED), report.count(TargetResult.Outcome.UNCHANGED), report.count(TargetResult.Outcome.FAILED),
                report.count(TargetResult.Outcome.NOT_RUN), exitCode);
        if (report.allUnchanged() && operation.equals("migrate")) {
            out.println("every target was a no-op restart: nothing to apply");
        }
        report.failed().forEach(failed -> out.println("FAILED " + failed.target().name() + ": " + failed.message()));
        out.flush();
    }

    static void json(PrintWriter out, String operation, FleetReport report, int exitCode) {
        List<Row> rows = report.results().stream().map(result -> new Row(result.target().name(), result.engine(),
                result.versionBefore() < 0 ? null : result.versionBefore(), result.versionAfter() < 0 ? null : result.versionAfter(),
                result.time().toMillis(), result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                result.failure().map(Enum::name).orElse(null), result.failure().map(Failures::exitCode).orElse(null), result.message())).toList();
        Summary summary = new Summary(operation, exitCode, rows.size(), report.count(TargetResult.Outcome.CHANGED),
                report.count(TargetResult.Outcome.UNCHANGED), report.count(TargetResult.Outcome.FAILED), report.count(TargetResult.Outcome.NOT_RUN),
                report.allUnchanged(), report.workers(), report.connectionsPerServer() + 1, report.mostConnections(), report.time().toMillis(), rows);
        try {
            out.println(MAPPER.writeValueAsString(summary));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String versions(TargetResult result) {
        return result.versionBefore() < 0 ? "-" : result.versionBefore() + " → " + result.versionAfter();
    }

    private static String result(TargetResult result) {
        return switch (result.outcome()) {
            case CHANGED -> "changed: " + result.message();
            case UNCHANGED -> "ok: " + result.message();
            case FAILED -> "FAILED (" + result.failure().orElseThrow() + ", exit " + Failures.exitCode(result.failure().orElseThrow()) + ")";
            case NOT_RUN -> result.message();
        };
    }

    private static void line(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            line.append(column == 0 ? "" : "  ").append(column == cells.length - 1 ? cells[column] : pad(cells[column], widths[column]));
        }
        out.println(line);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
