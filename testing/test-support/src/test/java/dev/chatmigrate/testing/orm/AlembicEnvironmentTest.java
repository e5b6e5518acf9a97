package dev.chatmigrate.testing.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.Login;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Alembic project's environment")
class AlembicEnvironmentTest {

    @Test
    @DisplayName("gives SQLAlchemy host, port, user and database, the password only in PGPASSWORD")
    void passwordStaysOutOfTheUrl() {
        Map<String, String> environment = AlembicDatabase.environment(
                new Login("jdbc:postgresql://db.example:6543/chat?sslmode=require&connectTimeout=5", "chat@bot", "s3cret"), IdKind.INTEGER);

        assertThat(environment).containsEntry("CHATMIGRATE_ORM_URL", "postgresql+psycopg2://chat%40bot@db.example:6543/chat?sslmode=require")
                .containsEntry("PGPASSWORD", "s3cret")
                .containsEntry("CHATMIGRATE_ORM_IDS", "integer");
    }

    @Test
    @DisplayName("without user or password, as the embedded test server's admin may be, leaves them to libpq")
    void noCredentials() {
        Map<String, String> environment = AlembicDatabase.environment(new Login("jdbc:postgresql://localhost:5432/chat", null, null), IdKind.UUID);

        assertThat(environment).containsEntry("CHATMIGRATE_ORM_URL", "postgresql+psycopg2://localhost:5432/chat")
                .containsEntry("CHATMIGRATE_ORM_IDS", "uuid")
                .doesNotContainKey("PGPASSWORD");
    }
}
