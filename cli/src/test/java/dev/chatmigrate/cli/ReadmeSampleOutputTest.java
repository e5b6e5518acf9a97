package dev.chatmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's sample output of {@code migrate} is what the command prints today, timings and the server's port aside. */
class ReadmeSampleOutputTest {

    /** The line of the README's sample that starts the output of the first migrate. */
    private static final String SAMPLE_START = "flyway: schema public migrated from version 0 to ";

    @Test
    @DisplayName("the README's sample migrate output is a real first migrate's, with only the milliseconds and the port differing")
    void theSampleIsARealRun() throws IOException {
        List<String> sample = sample(Files.readAllLines(readme()));
        StringWriter out = new StringWriter();
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            Map<String, String> environment = Map.of("DATABASE_URL", database.database().jdbcUrl() + "?user=" + database.database().user());
            int exitCode = ChatmigrateCommand.run(environment, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                    "migrate", "--engine", "flyway");
            assertThat(exitCode).isZero();
        }

        assertThat(masked(out.toString().lines().toList())).containsExactlyElementsOf(masked(sample));
    }

    /** The lines of the README's {@code text} block that starts with {@link #SAMPLE_START}. */
    private static List<String> sample(List<String> readme) {
        int start = 0;
        while (start < readme.size() && !readme.get(start).startsWith(SAMPLE_START)) {
            start++;
        }
        assertThat(start).as("README.md has a sample starting with " + SAMPLE_START).isLessThan(readme.size());
        int end = start;
        while (!readme.get(end).startsWith("```")) {
            end++;
        }
        return readme.subList(start, end);
    }

    /** Each line with its durations as {@code N ms} (right-aligned columns kept apart from the numbers in them) and the server's port as {@code PORT}. */
    private static List<String> masked(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("\\s*\\d+ ms", " N ms").replaceAll(" on localhost:\\d+", " on localhost:PORT")).toList();
    }

    private static Path readme() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !(Files.isRegularFile(directory.resolve("README.md")) && Files.isRegularFile(directory.resolve("mvnw")))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return directory.resolve("README.md");
    }
}
