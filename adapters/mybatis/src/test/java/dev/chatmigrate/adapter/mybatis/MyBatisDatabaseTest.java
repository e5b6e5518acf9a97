package dev.chatmigrate.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.verifier.ActualSchema;
import dev.chatmigrate.verifier.DataFingerprint;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A fresh database on the test server per test, and what the MyBatis engine tests look at in it. */
abstract class MyBatisDatabaseTest {

    static final int LATEST = ChatbotSchema.LATEST_VERSION;

    @FreshDatabase
    protected TestDatabase database;

    protected MigrationSettings settings() {
        return database.settings("mybatis");
    }

    protected MigrationRunner runner() {
        return new MigrationRunner(settings(), new MyBatisEngineProvider());
    }

    protected static List<Integer> versions(MigrationReport report) {
        return report.steps().stream().map(AppliedStep::version).toList();
    }

    protected void sql(String statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    protected List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    protected String schema(String name) throws SQLException {
        try (Connection connection = database.connect()) {
            return ActualSchema.describe(connection, name);
        }
    }

    protected DataFingerprint fingerprint() throws SQLException {
        try (Connection connection = database.connect()) {
            return DataFingerprint.of(connection, "public");
        }
    }

    protected void assertCanonical(String schema, int version) throws SQLException {
        try (Connection connection = database.connect()) {
            assertThat(SchemaVerifier.verify(connection, schema, version).drifts()).isEmpty();
        }
    }
}
