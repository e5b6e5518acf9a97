package dev.chatmigrate.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationEngines;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Constraint;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine's scripts build exactly the schema that {@link ChatbotSchema} declares, at every version:
 * migrating up one version at a time, then downgrading one version at a time to nothing.
 */
class CanonicalScriptsTest {

    static Stream<String> engines() {
        return MigrationEngines.measuredIds().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @DisplayName("each version up and down leaves exactly the declared schema of that version")
    void everyVersionUpAndDownIsTheDeclaredSchema(String id) throws SQLException {
        MigrationEngineProvider engine = MigrationEngines.measured(id);
        List<String> drifts = new ArrayList<>();
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            MigrationRunner runner = new MigrationRunner(database.settings(engine.id()), engine);
            for (int version = 1; version <= ChatbotSchema.LATEST_VERSION; version++) {
                runner.migrate(version);
                drifts.addAll(drift(database, "up to", version));
            }
            for (int version = ChatbotSchema.LATEST_VERSION - 1; version >= 0; version--) {
                runner.downgrade(version, false);
                drifts.addAll(drift(database, "down to", version));
            }
        }
        assertThat(drifts).as("differences from the declaration, %s", engine.id()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    @DisplayName("a check added to an existing table is validated in a transaction after the one that added it, so writes go on while rows are read")
    void checksOnExistingTablesAreValidatedSeparately(String id) throws SQLException {
        MigrationEngineProvider engine = MigrationEngines.measured(id);
        List<Constraint> addedLater = ChatbotSchema.CONSTRAINTS.stream()
                .filter(c -> c.kind() == Constraint.Kind.CHECK && c.version() > ChatbotSchema.table(c.table()).version()).toList();
        assertThat(addedLater).as("the schema adds checks to existing tables").isNotEmpty();
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            new MigrationRunner(database.settings(engine.id()), engine).migrate();
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                for (Constraint check : addedLater) {
                    // pg_constraint.xmin is the transaction that last wrote the row (validating it); pg_attribute.xmin added the column
                    try (ResultSet row = statement.executeQuery("select c.convalidated, c.xmin::text <> a.xmin::text from pg_constraint c"
                            + " join pg_attribute a on a.attrelid = c.conrelid and a.attname = '" + check.columns().get(0) + "'"
                            + " where c.conname = '" + check.name() + "'")) {
                        assertThat(row.next()).as(check.name()).isTrue();
                        assertThat(row.getBoolean(1)).as("%s is validated", check.name()).isTrue();
                        assertThat(row.getBoolean(2)).as("%s was validated in a transaction of its own", check.name()).isTrue();
                    }
                }
            }
        }
    }

    private static List<String> drift(TestDatabase database, String direction, int version) throws SQLException {
        try (Connection connection = database.connect()) {
            DriftReport report = SchemaVerifier.verify(connection, "public", version);
            return report.isClean() ? List.of() : List.of(direction + " version " + version + ": " + report);
        }
    }
}
