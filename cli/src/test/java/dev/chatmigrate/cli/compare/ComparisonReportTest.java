package dev.chatmigrate.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison's three forms show each engine's figures beside its plain engine's, and keep the JSON fields readers rely on. */
class ComparisonReportTest {

    private static final List<ComparisonRow> ROWS = List.of(
            new ComparisonRow("jdbc", "EMPTY", 100, 50, true),
            new ComparisonRow("liquibase", "EMPTY", 900, 200, true).withPlain(1200, 300),
            new ComparisonRow("liquibase", "PARTIAL", 950, 210, true));

    @Test
    @DisplayName("the table puts the plain engine's cold and warm figures and the cold ratio beside each row, a dash where none was measured")
    void tableShowsThePlainEngineAndTheRatio() {
        String table = new ComparisonReport(ROWS).table();

        assertThat(table.lines().findFirst().orElseThrow()).contains("cold ms", "warm ms", "plain cold", "plain warm", "cold/plain", "verified");
        assertThat(table).containsPattern("liquibase\\s+EMPTY\\s+900\\.0\\s+200\\.0\\s+1200\\.0\\s+300\\.0\\s+0\\.75x\\s+yes")
                .containsPattern("liquibase\\s+PARTIAL\\s+950\\.0\\s+210\\.0\\s+-\\s+-\\s+-\\s+yes")
                .containsPattern("jdbc\\s+EMPTY\\s+100\\.0\\s+50\\.0\\s+-\\s+-\\s+-\\s+yes");
    }

    @Test
    @DisplayName("without plain figures the table has no plain columns")
    void tableWithoutPlainEngines() {
        String table = new ComparisonReport(List.of(new ComparisonRow("jdbc", "EMPTY", 100, 50, true))).table();

        assertThat(table).doesNotContain("plain");
    }

    @Test
    @DisplayName("JSON keeps engine, state, coldMs, warmMs and verified on every row and adds plainColdMs and plainWarmMs where measured")
    void jsonKeepsItsFieldsAndAddsThePlainOnes() throws Exception {
        JsonNode rows = new ObjectMapper().readTree(new ComparisonReport(ROWS).json());

        for (JsonNode row : rows) {
            assertThat(row.has("engine") && row.has("state") && row.has("coldMs") && row.has("warmMs") && row.has("verified")).as("%s", row).isTrue();
            assertThat(row.has("roundTrips")).as("%s", row).isFalse();
        }
        assertThat(rows.get(1).get("plainColdMs").asDouble()).isEqualTo(1200);
        assertThat(rows.get(1).get("plainWarmMs").asDouble()).isEqualTo(300);
        assertThat(rows.get(0).has("plainColdMs")).isFalse();
        assertThat(rows.get(2).has("plainWarmMs")).isFalse();
    }

    @Test
    @DisplayName("the Markdown report has the plain columns and the ratio, with dashes where a plain engine cannot start")
    void markdownShowsThePlainEngine(@TempDir Path directory) throws Exception {
        new ComparisonReport(ROWS).write(directory, "Measured on a test.");

        String markdown = Files.readString(directory.resolve(ComparisonReport.MARKDOWN));
        assertThat(markdown).contains("| engine | state | cold ms | warm ms | plain cold ms | plain warm ms | cold / plain | verified |")
                .contains("| liquibase | EMPTY | 900.0 | 200.0 | 1200.0 | 300.0 | 0.75x | yes |")
                .contains("| liquibase | PARTIAL | 950.0 | 210.0 | – | – | – | yes |");
    }
}
