package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.schema.ChatbotSchema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import dev.chatmigrate.core.MigrationRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The checksums the up-to-date check trusts are the ones Liquibase records for this build's changelog. */
class LiquibaseHistoryCheckTest {

    @Test
    void checksumsFileMatchesWhatLiquibaseRecords() throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase()) {
            MigrationRunner.of(database.settings("liquibase")).migrate();
            Map<String, String> recorded = new TreeMap<>();
            StringBuilder lines = new StringBuilder();
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select id, md5sum from chatmigrate_changelog order by orderexecuted")) {
                while (rows.next()) {
                    recorded.put(rows.getString(1), rows.getString(2));
                    lines.append(rows.getString(1)).append('=').append(rows.getString(2)).append('\n');
                }
                assertThat(LiquibaseHistoryCheck.expectedChecksums())
                        .as("%s is out of date; its lines should read:%n%s", LiquibaseHistoryCheck.CHECKSUMS, lines)
                        .isEqualTo(recorded);
                assertThat(new LiquibaseHistoryCheck().run(connection, "public")).hasValue(ChatbotSchema.LATEST_VERSION);

                statement.execute("update chatmigrate_changelog set exectype = 'FAILED' where id = 'v3-tag'");
                assertThat(new LiquibaseHistoryCheck().run(connection, "public")).isEmpty();
            }
        }
    }
}
