package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema {@code chatmigrate migrate} leaves, to the byte of {@code pg_dump --schema-only} of the two tables:
 * from every database state of docs/design.md, Liquibase and MyBatis leave exactly what Flyway leaves. pg_dump dumps
 * only servers of its own major version or older, so the test starts a server of its own from the PostgreSQL
 * installation that provides pg_dump ({@code apt-get install postgresql}, which {@code .ci/run} does) and skips
 * itself, saying why, where there is none.
 */
class PgDumpIdenticalIT {

    /** Debian's and Ubuntu's layout: one directory per major version, each with its {@code bin/}. */
    private static final Path DEBIAN_INSTALLATIONS = Path.of("/usr/lib/postgresql");

    private static Path installation;
    private static TestPostgres server;

    @BeforeAll
    static void startServer() throws IOException {
        Optional<Path> found = newestInstallation();
        assumeTrue(found.isPresent(), "no PostgreSQL installation with pg_dump under " + DEBIAN_INSTALLATIONS
                + " (apt-get install postgresql; .ci/run installs it)");
        installation = found.get();
        server = TestPostgres.installed(installation);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DatabaseState.class, mode = EnumSource.Mode.EXCLUDE, names = {"CONFLICT", "BEHIND"})
    @DisplayName("from every state, Liquibase and MyBatis leave the tables pg_dump dumps byte for byte as Flyway's")
    void sameDumpAsFlyway(DatabaseState state) throws Exception {
        Map<String, String> dumps = new LinkedHashMap<>();
        for (String engine : Engines.all()) {
            try (TestDatabase database = server.createDatabase()) {
                prepare(database, state, engine);
                Map<String, String> environment = new java.util.HashMap<>(Chatbot.environment(database, engine));
                environment.put("CHATMIGRATE_SWITCH_ENGINE", "true"); // OTHER_ENGINE: the engine takes the schema over, deliberately
                ChatmigrateProcess.Result migrate = ChatmigrateProcess.run(environment, "migrate");
                assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
                dumps.put(engine, pgDump(database));
            }
        }
        String flyway = dumps.get("flyway");
        assertThat(flyway).contains("CREATE TABLE public.conversations (", "CREATE TABLE public.messages (",
                "ix_messages_created_at", "fk_messages_conversation_id", "ck_messages_token_count");
        dumps.forEach((engine, dump) -> assertThat(dump).as("pg_dump after %s from %s", engine, state).isEqualTo(flyway));
    }

    /** Brings the database to {@code state}; OTHER_ENGINE is built by Liquibase for Flyway, by Flyway for the others. */
    private static void prepare(TestDatabase database, DatabaseState state, String engine) throws SQLException {
        MigrationEngineProvider other = MigrationEngines.byId(engine.equals("flyway") ? "liquibase" : "flyway");
        state.prepare(database.settings(engine), MigrationEngines.byId(engine), other);
    }

    /** The two tables, schema only, without the random {@code \restrict} key of recent pg_dump versions. */
    private static String pgDump(TestDatabase database) throws IOException, InterruptedException {
        URI address = URI.create(database.database().jdbcUrl().substring("jdbc:".length()));
        Path out = Files.createTempFile("chatmigrate-pg-dump-", ".sql");
        Process pgDump = new ProcessBuilder(installation.resolve("bin/pg_dump").toString(), "--schema-only", "--no-owner", "--no-privileges",
                "-h", address.getHost(), "-p", Integer.toString(address.getPort()), "-U", database.database().user(),
                "-t", "public.conversations", "-t", "public.messages", database.name())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(pgDump.waitFor(60, TimeUnit.SECONDS)).as("pg_dump finished").isTrue();
        String dump = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        assertThat(pgDump.exitValue()).as(dump).isZero();
        return dump.lines().filter(line -> !line.startsWith("\\restrict ") && !line.startsWith("\\unrestrict ")).collect(Collectors.joining("\n"));
    }

    private static Optional<Path> newestInstallation() throws IOException {
        if (!Files.isDirectory(DEBIAN_INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_INSTALLATIONS)) {
            List<Path> usable = versions
                    .filter(dir -> Stream.of("initdb", "postgres", "pg_dump").allMatch(tool -> Files.isExecutable(dir.resolve("bin").resolve(tool))))
                    .toList();
            return usable.stream().max(Comparator.comparingInt(PgDumpIdenticalIT::majorVersion));
        }
    }

    private static int majorVersion(Path installation) {
        try {
            return Integer.parseInt(installation.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
