package dev.chatmigrate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.verifier.ActualSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What only holds across engines: every engine builds the same schema, and any engine takes over from any other. */
class EveryEngineTest {

    static Stream<Arguments> enginePairs() {
        List<String> ids = MigrationEngines.ids();
        return ids.stream().flatMap(first -> ids.stream().filter(second -> !second.equals(first)).map(second -> Arguments.of(first, second)));
    }

    private static void migrate(TestDatabase database, String engine) {
        MigrationRunner.of(database.settings(engine)).migrate(ChatbotSchema.LATEST_VERSION);
    }

    @Test
    @DisplayName("every engine on the class path builds a byte-identical schema (pg_catalog description, column order included)")
    void everyEngineBuildsTheSameSchema() throws SQLException {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (String engine : MigrationEngines.ids()) {
            try (TestDatabase database = TestPostgres.server().createDatabase()) {
                migrate(database, engine);
                try (Connection connection = database.connect()) {
                    descriptions.put(engine, ActualSchema.describe(connection, "public"));
                }
            }
        }
        assertThat(descriptions).hasSizeGreaterThanOrEqualTo(2);
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(descriptions.values()));
        assertThat(distinct).as("schemas built by %s", descriptions.keySet()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} built it, {1} takes over")
    @MethodSource("enginePairs")
    @DisplayName("an engine takes over a live database from another engine with switch-engine, keeps the rows, and the first can take it back")
    void switchingEnginesKeepsRows(String first, String second) throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            migrate(database, first);
            try (Connection connection = database.connect()) {
                SampleRows.insert(connection, "public");
            }
            DataFingerprint before = fingerprint(database);

            MigrationRunner.of(database.settings(second)).migrate(ChatbotSchema.LATEST_VERSION, true);
            assertThat(MigrationRunner.of(database.settings(second)).status().currentVersion()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            MigrationRunner.of(database.settings(first)).migrate(ChatbotSchema.LATEST_VERSION, true);

            assertThat(fingerprint(database)).isEqualTo(before);
            try (Connection connection = database.connect()) {
                assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).drifts()).isEmpty();
            }
        }
    }

    private static DataFingerprint fingerprint(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return DataFingerprint.of(connection, "public");
        }
    }
}
