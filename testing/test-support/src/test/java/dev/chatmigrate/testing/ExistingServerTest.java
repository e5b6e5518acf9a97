package dev.chatmigrate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CHATMIGRATE_TEST_DB naming an existing server")
class ExistingServerTest {

    @Test
    @DisplayName("a JDBC URL's user and password become the login's credentials, its other parameters stay")
    void credentialsComeOutOfTheUrl() {
        Login login = TestPostgres.existing("jdbc:postgresql://db.example:6543/postgres?user=admin&sslmode=require&password=s3cret");

        assertThat(login).isEqualTo(new Login("jdbc:postgresql://db.example:6543/postgres?sslmode=require", "admin", "s3cret"));
        assertThat(login.withDatabaseName("chatmigrate_test_1").jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/chatmigrate_test_1?sslmode=require");
    }

    @Test
    @DisplayName("anything else is refused, saying what is expected and never showing the password")
    void otherValuesAreRefused() {
        assertThatThrownBy(() -> TestPostgres.existing("postgresql://admin@db.example/postgres?password=s3cret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected embedded, testcontainers or a PostgreSQL JDBC URL")
                .hasMessageNotContaining("s3cret");
    }
}
