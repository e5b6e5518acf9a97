package dev.chatmigrate.testing.orm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatmigrate.testing.Login;
import dev.chatmigrate.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The seed chatbot's database as its own stack makes it: the models as SQLModel declares them
 * ({@code orm/alembic/models.py}), tables made by real Alembic ({@code alembic init}, {@code revision --autogenerate},
 * {@code upgrade head}), rows written through a SQLAlchemy {@code Session} with {@code datetime.utcnow()} timestamps.
 *
 * <p>Runs the {@code python3} on the {@code PATH} that has Debian's {@code python3-alembic},
 * {@code python3-sqlalchemy} and {@code python3-psycopg2}, in a fresh temporary directory; the test is skipped
 * (with a message saying what to install) when there is none.
 */
public final class AlembicDatabase {

    private static final String RESOURCES = "/orm/alembic/";
    private static final List<String> PROJECT_FILES = List.of("models.py", "env.py", "alembic.ini", "seed.py");
    private static final String NULL = "\\N";

    private AlembicDatabase() {
    }

    /**
     * Makes the tables in {@code database}'s {@code public} schema and writes a few conversations with their messages.
     *
     * @return the rows as the ORM reported writing them
     */
    public static OrmRows create(TestDatabase database, IdKind ids) {
        Optional<Python> python = Python.withAlembic();
        assumeTrue(python.isPresent(), "No python3 on the PATH can '" + Python.REQUIRED_MODULES
                + "'; install Debian's python3-alembic python3-sqlalchemy python3-psycopg2 (.ci/run does)");
        Path project = copyProject();
        try {
            Map<String, String> environment = environment(database.database(), ids);
            python.get().run(project, environment, "-m", "alembic", "init", "migrations");
            Files.copy(project.resolve("env.py"), project.resolve("migrations/env.py"), StandardCopyOption.REPLACE_EXISTING);
            python.get().run(project, environment, "-m", "alembic", "revision", "--autogenerate", "-m", "create conversations and messages");
            python.get().run(project, environment, "-m", "alembic", "upgrade", "head");
            return parse(python.get().run(project, environment, "seed.py"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(project);
        }
    }

    private static Path copyProject() {
        try {
            Path project = Files.createTempDirectory("chatmigrate-alembic-");
            for (String file : PROJECT_FILES) {
                try (InputStream source = AlembicDatabase.class.getResourceAsStream(RESOURCES + file)) {
                    if (source == null) {
                        throw new IllegalStateException("Expected the resource " + RESOURCES + file + " on the class path, found none");
                    }
                    Files.copy(source, project.resolve(file));
                }
            }
            return project;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the Alembic project to a temporary directory", e);
        }
    }

    /**
     * SQLAlchemy's URL for {@code database} (host, port, user, database name, {@code sslmode} if the JDBC URL has one);
     * the password goes in {@code PGPASSWORD}, never in the URL.
     */
    static Map<String, String> environment(Login database, IdKind ids) {
        URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        String user = database.user() == null ? "" : URLEncoder.encode(database.user(), StandardCharsets.UTF_8) + "@";
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String sslMode = uri.getQuery() == null ? "" : Stream.of(uri.getQuery().split("&"))
                .filter(parameter -> parameter.startsWith("sslmode=")).findFirst().map(parameter -> "?" + parameter).orElse("");
        Map<String, String> environment = new HashMap<>();
        environment.put("CHATMIGRATE_ORM_URL", "postgresql+psycopg2://" + user + uri.getHost() + port + uri.getPath() + sslMode);
        environment.put("CHATMIGRATE_ORM_IDS", ids.name().toLowerCase());
        if (database.password() != null) {
            environment.put("PGPASSWORD", database.password());
        }
        return environment;
    }

    /** The seed script's report: one row a line, tab-separated, {@code \N} for none. */
    private static OrmRows parse(String output) {
        List<OrmRows.Conversation> conversations = new ArrayList<>();
        List<OrmRows.Message> messages = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] fields = line.split("\t", -1);
            switch (fields[0]) {
                case "conversation" -> conversations.add(new OrmRows.Conversation(fields[1], fields[2], nullable(fields[3]), utc(fields[4]), utc(fields[5])));
                case "message" -> messages.add(new OrmRows.Message(fields[1], fields[2], fields[3], fields[4], utc(fields[5])));
                default -> throw new IllegalStateException("Expected 'conversation' or 'message' lines from seed.py, found '" + line + "'");
            }
        }
        return new OrmRows(conversations, messages);
    }

    private static String nullable(String field) {
        return NULL.equals(field) ? null : field;
    }

    private static java.time.Instant utc(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime).toInstant(ZoneOffset.UTC);
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }
}
