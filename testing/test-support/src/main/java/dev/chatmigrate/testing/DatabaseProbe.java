package dev.chatmigrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.verifier.ActualSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import dev.chatmigrate.verifier.SchemaVerifier;
import dev.chatmigrate.verifier.SmokeCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the contract and the runner's tests look at in the {@code public} schema of a test database. */
public record DatabaseProbe(TestDatabase database) {

    private static final String SCHEMA = "public";

    /** Fails unless the schema is exactly the declared {@code version} and, from version 2, reads and writes. */
    public void assertSchemaIs(int version) throws SQLException {
        try (Connection connection = database.connect()) {
            assertThat(SchemaVerifier.verify(connection, SCHEMA, version).drifts()).as("drift from version %d", version).isEmpty();
            if (version >= 2) {
                SmokeCheck.Result smoke = SmokeCheck.run(connection, SCHEMA, version);
                assertThat(smoke.passed()).as("read/write smoke check: %s", smoke.detail()).isTrue();
            }
        }
    }

    /** The rows of the chatbot tables, as a comparable value. */
    public DataFingerprint fingerprint() throws SQLException {
        try (Connection connection = database.connect()) {
            return DataFingerprint.of(connection, SCHEMA);
        }
    }

    /** Every relation in the schema with its kind, and the chatbot tables' full description. */
    public String catalog() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select relname, relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                     + " where n.nspname = '" + SCHEMA + "' order by relname")) {
            while (rows.next()) {
                text.append(rows.getString(1)).append(' ').append(rows.getString(2)).append('\n');
            }
            text.append(ActualSchema.describe(connection, SCHEMA));
        }
        return text.toString();
    }
}
