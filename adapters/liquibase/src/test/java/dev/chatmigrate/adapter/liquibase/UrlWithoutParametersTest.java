package dev.chatmigrate.adapter.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Liquibase reads the connection's URL without its parameters (see {@link LiquibaseSession.UrlWithoutParameters}). */
class UrlWithoutParametersTest {

    @Test
    @DisplayName("Liquibase sees the database's URL cut before the 70-odd parameters pgJDBC's data source lists")
    void liquibaseSeesTheUrlWithoutParameters() throws SQLException {
        try (TestDatabase database = TestPostgres.server().createDatabase();
                Connection connection = database.settings("liquibase").dataSource().getConnection()) {
            String driverUrl = connection.getMetaData().getURL();

            String seen = new LiquibaseSession.UrlWithoutParameters(connection).getURL();

            assertThat(driverUrl).as("the URL pgJDBC reports").contains("?").contains("&ApplicationName=");
            assertThat(seen).isEqualTo(driverUrl.substring(0, driverUrl.indexOf('?')))
                    .startsWith("jdbc:postgresql://").endsWith("/" + database.name());
        }
    }
}
