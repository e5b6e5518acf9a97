package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's configuration table is {@link Setting}, row for row, so that it cannot drift from the code. */
class ReadmeConfigurationTableTest {

    @Test
    @DisplayName("the README's configuration table lists every setting with its flag, variable, property, default and description")
    void theTableIsSetting() throws IOException {
        List<String> readme = Files.readAllLines(repositoryRoot().resolve("README.md"));
        int header = readme.indexOf(HEADER);
        assertThat(header).as("README.md has the configuration table, starting with " + HEADER).isNotNegative();

        List<String> table = new ArrayList<>();
        for (int i = header; i < readme.size() && readme.get(i).startsWith("|"); i++) {
            table.add(readme.get(i));
        }

        assertThat(table).containsExactlyElementsOf(expectedTable());
    }

    static final String HEADER = "| property | flag | environment | default | what it does |";

    /** The table as Setting declares it. */
    static List<String> expectedTable() {
        List<String> rows = new ArrayList<>(List.of(HEADER, "|---|---|---|---|---|"));
        for (Setting setting : Setting.values()) {
            rows.add("| `" + setting.propertyKey() + "` | " + setting.flag().map(flag -> "`" + flag + "`").orElse("") + " | `"
                    + setting.environmentVariable() + "` | " + (setting.defaultValue() != null ? "`" + setting.defaultValue() + "`"
                    : setting.defaultDescription()) + " | " + setting.description() + " |");
        }
        return rows;
    }

    /** The directory above the working directory (a module's) that holds README.md and the parent pom. */
    static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !(Files.isRegularFile(directory.resolve("README.md")) && Files.isRegularFile(directory.resolve("mvnw")))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("a directory above " + Path.of("").toAbsolutePath() + " with README.md and mvnw").isNotNull();
        return directory;
    }
}
