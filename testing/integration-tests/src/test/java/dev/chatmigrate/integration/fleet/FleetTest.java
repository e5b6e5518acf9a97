package dev.chatmigrate.integration.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.testing.states.DatabaseState;
import dev.chatmigrate.schema.ChatbotSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code migrate}, {@code verify}, {@code status} and {@code plan} over a fleet of schemas and databases (docs/deployment.md, "Fleets"). */
class FleetTest {

    private static final int PARALLEL = 8;
    /** N workers × the connections of one migration, plus the listing of a database's schemas. */
    private static final int BOUND = PARALLEL * 3 + 1;

    @TempDir
    Path directory;

    @Test
    @DisplayName("200 schemas in 4 databases with --parallel 8: the broken tenant named with its error and exit 4, the others at the latest"
            + " version and verified, never more than 8 x 3 + 1 connections, and a second run all no-op restarts")
    void twoHundredSchemasInFourDatabases() throws Exception {
        List<TestDatabase> databases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            databases.add(TestPostgres.server().createDatabase());
        }
        FleetCommandRun.createSchemas(databases.get(0), "tenant_", 197);
        for (int i = 1; i < 4; i++) {
            FleetCommandRun.createSchemas(databases.get(i), "tenant_", 1);
        }
        FleetCommandRun.execute(databases.get(0), "create schema other_app"); // not matched by the glob
        try (Connection connection = databases.get(0).connect()) {
            DatabaseState.CONFLICT.prepare(connection, "tenant_013");
        }
        String broken = databases.get(0).name() + "/tenant_013";
        Path file = FleetCommandRun.databasesFile(directory, databases);
        String[] fleet = {"--engine", "mybatis", "--databases", file.toString(), "--schemas", "tenant_*", "--parallel", Integer.toString(PARALLEL)};

        FleetCommandRun first;
        int most;
        try (FleetCommandRun.ConnectionSampler sampler = new FleetCommandRun.ConnectionSampler()) {
            first = FleetCommandRun.of(concat(new String[] {"migrate", "--json"}, fleet));
            sampler.close();
            most = sampler.most();
            assertThat(sampler.samples()).isGreaterThan(1);
        }
        JsonNode summary = first.json();
        assertThat(first.exitCode()).as(first.err()).isEqualTo(4);
        assertThat(summary.get("exitCode").asInt()).isEqualTo(4);
        assertThat(summary.get("targets").asInt()).isEqualTo(200);
        assertThat(most).as("connections held at once, sampled").isGreaterThan(3).isLessThanOrEqualTo(BOUND);
        assertThat(summary.get("mostConnections").asInt()).as("connections held at once, counted").isGreaterThan(3).isLessThanOrEqualTo(BOUND - 1);
        List<JsonNode> rows = rows(summary);
        assertThat(rows).filteredOn(row -> row.get("result").asText().equals("failed")).singleElement().satisfies(row -> {
            assertThat(row.get("target").asText()).isEqualTo(broken);
            assertThat(row.get("failure").asText()).isEqualTo("SCHEMA_CONFLICT");
            assertThat(row.get("message").asText()).contains("conversation_id");
        });
        assertThat(rows).filteredOn(row -> !row.get("target").asText().equals(broken))
                .hasSize(199).allSatisfy(row -> {
                    assertThat(row.get("result").asText()).isEqualTo("changed");
                    assertThat(row.get("versionAfter").asInt()).isEqualTo(ChatbotSchema.LATEST_VERSION);
                });
        assertThat(first.err()).contains("chatmigrate: " + broken + " failed: ").contains("[200] ");

        FleetCommandRun verify = FleetCommandRun.of(concat(new String[] {"verify", "--json"}, fleet));
        assertThat(verify.exitCode()).isEqualTo(4);
        assertThat(rows(verify.json())).filteredOn(row -> !row.get("target").asText().equals(broken)).hasSize(199)
                .allSatisfy(row -> assertThat(row.get("message").asText()).isEqualTo("verified at version " + ChatbotSchema.LATEST_VERSION));

        FleetCommandRun second = FleetCommandRun.of(concat(new String[] {"migrate"}, fleet));
        assertThat(second.exitCode()).isEqualTo(4);
        assertThat(second.out()).contains("199 unchanged, 1 failed, 0 not run; exit 4").contains("FAILED " + broken + ": ");
        databases.forEach(TestDatabase::close);
    }

    static List<String> engines() {
        return MigrationEngines.ids();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @DisplayName("each engine: 12 schemas by glob, migrated, then status, plan and verify all clean, and a second migrate all no-op restarts")
    void twelveSchemasWithEachEngine(String engine) throws Exception {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            FleetCommandRun.createSchemas(database, "shop_", 12);
            String[] fleet = {"--engine", engine, "--url", database.database().jdbcUrl(), "--schemas", "shop_*", "--parallel", "4"};
            FleetCommandRun first = FleetCommandRun.of(concat(new String[] {"migrate"}, fleet));
            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
            assertThat(first.out()).contains("12 target(s)").contains("12 changed, 0 unchanged, 0 failed, 0 not run; exit 0")
                    .contains("shop_011  " + engine + "  0 → " + ChatbotSchema.LATEST_VERSION);
            for (String command : List.of("status", "plan", "verify")) {
                FleetCommandRun read = FleetCommandRun.of(concat(new String[] {command}, fleet));
                assertThat(read.exitCode()).as(command + read.out() + read.err()).isZero();
                assertThat(read.out()).contains("0 changed, 12 unchanged, 0 failed");
            }
            FleetCommandRun second = FleetCommandRun.of(concat(new String[] {"migrate"}, fleet));
            assertThat(second.out()).contains("0 changed, 12 unchanged").contains("every target was a no-op restart: nothing to apply");
        }
    }

    @Test
    @DisplayName("a failed canary leaves every other target not run; --fail-fast starts no target after a failure")
    void canaryAndFailFast() throws Exception {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            FleetCommandRun.createSchemas(database, "t_", 6);
            try (Connection connection = database.connect()) {
                DatabaseState.CONFLICT.prepare(connection, "t_000");
            }
            String url = database.database().jdbcUrl();
            FleetCommandRun canary = FleetCommandRun.of("migrate", "--engine", "mybatis", "--url", url, "--schemas", "t_*", "--canary", "2",
                    "--parallel", "2", "--json");
            JsonNode summary = canary.json();
            assertThat(canary.exitCode()).isEqualTo(4);
            assertThat(summary.get("failed").asInt()).isEqualTo(1);
            assertThat(summary.get("changed").asInt()).isEqualTo(1);
            assertThat(summary.get("notRun").asInt()).isEqualTo(4);
            assertThat(rows(summary).get(5).get("message").asText()).isEqualTo("not run: a canary failed");

            FleetCommandRun failFast = FleetCommandRun.of("migrate", "--engine", "mybatis", "--url", url, "--schemas", "t_000,t_001,t_002",
                    "--fail-fast", "--json");
            assertThat(failFast.exitCode()).isEqualTo(4);
            assertThat(rows(failFast.json())).extracting(row -> row.get("result").asText())
                    .containsExactly("failed", "not_run", "not_run");
        }
    }

    @Test
    @DisplayName("without any fleet option, migrate prints the single-target line as before")
    void singleTargetUnchanged() throws Exception {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            FleetCommandRun single = FleetCommandRun.of("migrate", "--engine", "mybatis", "--url", database.database().jdbcUrl());
            assertThat(single.exitCode()).isZero();
            assertThat(single.out()).startsWith("mybatis: schema public migrated from version 0 to " + ChatbotSchema.LATEST_VERSION)
                    .doesNotContain("target(s)");
        }
    }

    @Test
    @DisplayName("a databases file: comments skipped, a dead server's row fails with exit 3 and its password is never printed;"
            + " a bad line is named by number; a glob matching nothing is exit 2")
    void databasesFile() throws Exception {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            Path file = java.nio.file.Files.writeString(directory.resolve("dbs.txt"), "# customers\n" + database.database().jdbcUrl()
                    + "\n\n  postgresql://someone:s3cret-pw@127.0.0.1:1/gone  \n");
            FleetCommandRun run = FleetCommandRun.of(java.util.Map.of("CHATMIGRATE_CONNECT_TIMEOUT", "1s"), "migrate", "--engine", "mybatis",
                    "--databases", file.toString(), "--parallel", "2");
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.out()).contains("1 changed, 0 unchanged, 1 failed").contains("FAILED gone/public: ");
            assertThat(run.out() + run.err()).doesNotContain("s3cret-pw");

            java.nio.file.Files.writeString(file, "# one bad line\nmysql://host/db\n");
            FleetCommandRun bad = FleetCommandRun.of("status", "--databases", file.toString());
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("Line 2 of " + file);

            FleetCommandRun none = FleetCommandRun.of("migrate", "--url", database.database().jdbcUrl(), "--schemas", "nothing_*");
            assertThat(none.exitCode()).isEqualTo(2);
            assertThat(none.err()).contains("No target: --schemas matched no schema");
        }
    }

    private static List<JsonNode> rows(JsonNode summary) {
        return StreamSupport.stream(summary.get("rows").spliterator(), false).toList();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
