package dev.chatmigrate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbeddedServerTest {

    @Test
    @DisplayName("as root, the runuser fallback starts PostgreSQL 17 as user nobody")
    void runuserFallbackServesQueries() throws SQLException {
        assumeTrue("root".equals(System.getProperty("user.name")), "the runuser fallback is for root only");

        EmbeddedServer server = EmbeddedServer.start(true);

        assertThat(server.description()).contains("as user nobody");
        try (Connection connection = server.admin().open("test", Duration.ofSeconds(10));
             ResultSet version = connection.createStatement().executeQuery("select current_setting('server_version_num')::int")) {
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(170000);
        }
    }
}
