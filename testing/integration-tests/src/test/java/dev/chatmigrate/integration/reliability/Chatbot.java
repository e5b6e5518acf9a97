package dev.chatmigrate.integration.reliability;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.verifier.DataFingerprint;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;

/** What the tests check on a test database after chatmigrate ran: the rows, the schema, the URL to reach it. */
final class Chatbot {

    private Chatbot() {
    }

    /** A URL for {@code DATABASE_URL} or {@code --url}, as the superuser of the test server (trust authentication). */
    static String url(TestDatabase database) {
        return database.database().jdbcUrl() + "?user=" + database.database().user();
    }

    /** The environment of a replica: the database and the engine, nothing else. */
    static Map<String, String> environment(TestDatabase database, String engine) {
        return Map.of("DATABASE_URL", url(database), "CHATMIGRATE_ENGINE", engine);
    }

    /** Row count and checksum of {@code conversations} and {@code messages}. */
    static DataFingerprint rows(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return DataFingerprint.of(connection, "public");
        }
    }

    /** Every row that was there {@code before} is still there, unchanged (tables created since may be added, empty or not). */
    static void assertRowsKept(TestDatabase database, DataFingerprint before) throws SQLException {
        DataFingerprint after = rows(database);
        assertThat(after.tables()).as("rows before %s, after %s", before, after).containsAllEntriesOf(before.tables());
    }

    /** The verifier's report for {@code version} (clean when the schema is canonical, INVALID indexes included). */
    static DriftReport drift(TestDatabase database, int version) throws SQLException {
        try (Connection connection = database.connect()) {
            return SchemaVerifier.verify(connection, "public", version);
        }
    }
}
