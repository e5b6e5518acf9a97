package dev.chatmigrate.cli;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.core.DatabaseUrl;
import dev.chatmigrate.spi.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The file of {@code --databases}: one database URL a line, blank lines and {@code #} comments ignored. A URL without a
 * password takes {@code DATABASE_PASSWORD} (and, without a user, {@code DATABASE_USER}) from the environment when set; otherwise pgJDBC reads
 * {@code ~/.pgpass}. Errors name the line by number, never its password.
 */
final class FleetDatabases {

    private FleetDatabases() {
    }

    static List<Database> read(Path file, Map<String, String> environment) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigurationException("Cannot read the databases file " + file + " (" + e.getClass().getSimpleName()
                    + "): expected a readable file with one database URL a line.", "databases", "a readable file", file.toString());
        }
        List<Database> databases = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                Database database = DatabaseUrl.parse(line).database();
                databases.add(database.password() != null ? database
                        : database.withCredentials(database.user() == null ? environment.get("DATABASE_USER") : null, environment.get("DATABASE_PASSWORD")));
            } catch (InvalidConfigurationException e) {
                throw new InvalidConfigurationException("Line " + number + " of " + file + ": " + e.getMessage(), "databases",
                        "one database URL a line", "line " + number);
            }
        }
        if (databases.isEmpty()) {
            throw new InvalidConfigurationException("The databases file " + file + " names no database: expected one URL a line"
                    + " (postgresql://user@host/db), # for comments.", "databases", "one database URL a line", "none");
        }
        return databases;
    }
}
