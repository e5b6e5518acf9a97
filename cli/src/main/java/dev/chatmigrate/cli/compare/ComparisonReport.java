package dev.chatmigrate.cli.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.testing.states.DatabaseState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** The comparison as a text table, JSON rows, a Markdown report and a PNG chart. */
public final class ComparisonReport {

    public static final String CHART = "compare.png";
    public static final String MARKDOWN = "compare.md";

    private final List<ComparisonRow> rows;

    public ComparisonReport(List<ComparisonRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * A fixed-width table, one line per row; with the plain engines measured, their cold and warm figures and the ratio of
     * chatmigrate's cold figure to the plain engine's ("-" where a plain engine cannot start); with round trips measured,
     * their count and wall time at the RTT too.
     */
    public String table() {
        boolean plain = hasPlain();
        boolean rtt = hasRoundTrips();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-10s %-9s %9s %9s", "engine", "state", "cold ms", "warm ms"));
        if (plain) {
            table.append(String.format(Locale.ROOT, " %10s %10s %11s", "plain cold", "plain warm", "cold/plain"));
        }
        if (rtt) {
            table.append(String.format(Locale.ROOT, " %11s %14s", "round trips", "ms at " + fmt(rows.get(0).rttMs()) + " ms RTT"));
        }
        table.append(String.format("  %s%n", "verified"));
        rows.forEach(row -> {
            table.append(String.format(Locale.ROOT, "%-10s %-9s %9.1f %9.1f", row.engine(), row.state(), row.coldMs(), row.warmMs()));
            if (plain) {
                table.append(row.hasPlain() ? String.format(Locale.ROOT, " %10.1f %10.1f %11s", row.plainColdMs(), row.plainWarmMs(), ratio(row))
                        : String.format(Locale.ROOT, " %10s %10s %11s", "-", "-", "-"));
            }
            if (rtt) {
                table.append(String.format(Locale.ROOT, " %11d %14.1f", row.roundTrips(), row.rttWallMs()));
            }
            table.append(String.format("  %s%n", row.verified() ? "yes" : "NO"));
        });
        return table.toString();
    }

    /** chatmigrate's cold figure over the plain engine's, such as {@code 1.07x}. */
    private static String ratio(ComparisonRow row) {
        return String.format(Locale.ROOT, "%.2fx", row.coldMs() / row.plainColdMs());
    }

    private boolean hasPlain() {
        return rows.stream().anyMatch(ComparisonRow::hasPlain);
    }

    private boolean hasRoundTrips() {
        return !rows.isEmpty() && rows.stream().allMatch(row -> row.roundTrips() != null);
    }

    private static String fmt(double millis) {
        return millis == Math.rint(millis) ? Long.toString((long) millis) : Double.toString(millis);
    }

    /**
     * The rows as a JSON array of {@code {"engine","state","coldMs","warmMs","verified"}}, with
     * {@code "plainColdMs","plainWarmMs"} where the plain engine was measured and
     * {@code "roundTrips","rttMs","rttWallMs"} when measured ({@code --rtt}).
     */
    public String json() {
        try {
            return new ObjectMapper().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code compare.md} and {@code compare.png} into {@code directory}. */
    public void write(Path directory, String machine) {
        try {
            Files.createDirectories(directory);
            BitmapEncoder.saveBitmap(chart(), directory.resolve(CHART).toString(), BitmapEncoder.BitmapFormat.PNG);
            StringBuilder markdown = new StringBuilder("# chatmigrate compare\n\n")
                    .append("First migrate in a fresh JVM that has connected once (cold) and the median of the following ones")
                    .append(" in the same JVM (warm), per engine and database state; every resulting schema verified against the")
                    .append(" canonical one. Beside them, the plain engine (Flyway, Liquibase or MyBatis alone, without chatmigrate's")
                    .append(" runner, on the same scripts) measured the same way in the same run, where it can start (not PARTIAL). ")
                    .append(machine).append("\n\n")
                    .append("| engine | state | cold ms | warm ms | plain cold ms | plain warm ms | cold / plain |")
                    .append(hasRoundTrips() ? " round trips | ms at " + fmt(rows.get(0).rttMs()) + " ms RTT |" : "")
                    .append(" verified |\n|---|---|---:|---:|---:|---:|---:|").append(hasRoundTrips() ? "---:|---:|" : "").append("---|\n");
            rows.forEach(row -> markdown.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s%s%s |%n",
                    row.engine(), row.state(), row.coldMs(), row.warmMs(),
                    row.hasPlain() ? String.format(Locale.ROOT, "%.1f | %.1f | %s | ", row.plainColdMs(), row.plainWarmMs(), ratio(row))
                            : "– | – | – | ",
                    hasRoundTrips() ? String.format(Locale.ROOT, "%d | %.1f | ", row.roundTrips(), row.rttWallMs()) : "",
                    row.verified() ? "yes" : "**no**")));
            markdown.append("\n![cold first migrate per engine and state](").append(CHART).append(")\n");
            Files.writeString(directory.resolve(MARKDOWN), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the comparison to " + directory, e);
        }
    }

    private CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Cold first migrate in a fresh JVM").xAxisTitle("engine").yAxisTitle("ms").build();
        List<String> engines = rows.stream().map(ComparisonRow::engine).distinct().toList();
        for (DatabaseState state : DatabaseState.MEASURED) {
            List<Double> values = engines.stream().map(engine -> rows.stream()
                    .filter(row -> row.engine().equals(engine) && row.state().equals(state.name()))
                    .mapToDouble(ComparisonRow::coldMs).findFirst().orElse(0)).toList();
            chart.addSeries(state.name(), engines, values);
        }
        return chart;
    }
}
