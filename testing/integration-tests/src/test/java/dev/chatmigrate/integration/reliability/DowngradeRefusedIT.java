package dev.chatmigrate.integration.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.verifier.DataFingerprint;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A downgrade that would drop rows is refused by the real process, and refusing changes nothing. */
class DowngradeRefusedIT {

    @FreshDatabase
    private TestDatabase database;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.chatmigrate.integration.reliability.Engines#all")
    @DisplayName("downgrade --target 1 over messages with rows exits 6 naming the table and its rows; schema, history and rows are unchanged")
    void downgradeThatWouldDropRowsIsRefusedAndChangesNothing(String engine) throws Exception {
        Map<String, String> environment = Chatbot.environment(database, engine);
        ChatmigrateProcess.Result migrated = ChatmigrateProcess.run(environment, "migrate");
        assertThat(migrated.exitCode()).as("%s", migrated).isZero();
        try (Connection connection = database.connect()) {
            SampleRows.insert(connection, "public");
        }
        String catalogBefore = Catalog.of(database);
        DataFingerprint rowsBefore = Chatbot.rows(database);
        Map<String, Long> historyBefore;
        try (Connection connection = database.connect()) {
            historyBefore = EngineHistory.timesRecorded(connection, engine);
        }

        ChatmigrateProcess.Result refused = ChatmigrateProcess.run(environment, "downgrade", "--target", "1");

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(6);
        assertThat(refused.err().strip().lines()).as("%s", refused).hasSize(1).first().asString()
                .contains("Refused to downgrade").contains("messages with 3 rows");
        assertThat(Catalog.of(database)).isEqualTo(catalogBefore);
        assertThat(Chatbot.rows(database)).isEqualTo(rowsBefore);
        try (Connection connection = database.connect()) {
            assertThat(EngineHistory.timesRecorded(connection, engine)).isEqualTo(historyBefore);
        }
    }
}
