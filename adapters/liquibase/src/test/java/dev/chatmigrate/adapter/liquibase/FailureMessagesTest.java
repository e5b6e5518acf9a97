package dev.chatmigrate.adapter.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.StepFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Liquibase failures reach the caller as chatmigrate exceptions that say what failed and what to do. */
class FailureMessagesTest {

    private static final String PASSWORD = "never-print-me-7f3a";

    private TestDatabase database;
    private MigrationRunner runner;

    @BeforeEach
    void setUp() {
        database = TestPostgres.server().createDatabase();
        // the test server trusts local connections, so the password is carried but never checked
        MigrationSettings settings = database.settings("liquibase");
        settings = settings.withDataSource(database.database().withCredentials(null, PASSWORD).dataSource("liquibase", settings.connectTimeout()));
        runner = new MigrationRunner(settings, new LiquibaseEngineProvider());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    @DisplayName("an edited changeset stops migrate with a StepFailedException naming it, with Liquibase's exception as cause")
    void editedChangesetStopsMigrate() throws SQLException {
        runner.migrate(2);
        execute("update chatmigrate_changelog set md5sum = '9:00000000000000000000000000000000' where id = 'v1-create-table-conversations'");

        StepFailedException failure = catchThrowableOfType(StepFailedException.class, () -> runner.migrate(ChatbotSchema.LATEST_VERSION));

        assertThat(failure).as("a StepFailedException").isNotNull();
        assertThat(failure.getMessage()).contains("migrate to version " + ChatbotSchema.LATEST_VERSION).contains("v1-create-table-conversations")
                .contains("restore it").doesNotContain(PASSWORD);
        assertThat(failure.getCause().getClass().getName()).startsWith("liquibase.");
        assertThat(runner.status().currentVersion()).isEqualTo(2);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
