package dev.chatmigrate.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"public", "chatbot", "tenant_42", "_private"})
    @DisplayName("plain lowercase names of a schema of one's own are accepted")
    void plainNamesAreAccepted(String schema) {
        assertThat(SchemaName.check(schema)).isEqualTo(schema);
    }

    @ParameterizedTest
    @ValueSource(strings = {"information_schema", "pg_catalog", "pg_toast", "pg_temp_3", "pg_chatbot"})
    @DisplayName("PostgreSQL's own schemas are refused as configuration, saying why")
    void systemSchemasAreRefused(String schema) {
        assertThatThrownBy(() -> SchemaName.check(schema))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'" + schema + "' is one of PostgreSQL's own schemas")
                .hasMessageContaining("pg_dump leaves their tables out of backups")
                .satisfies(e -> assertThat(((MigrationException) e).kind()).isEqualTo(MigrationException.Kind.BAD_CONFIGURATION));
    }

    @Test
    @DisplayName("a name over 63 bytes is refused for its length, not its characters")
    void longNamesAreRefusedForTheirLength() {
        assertThat(SchemaName.check("a".repeat(63))).hasSize(63);
        assertThatThrownBy(() -> SchemaName.check("a".repeat(64)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("is 64 bytes long, and PostgreSQL names are at most 63 bytes")
                .hasMessageNotContaining("plain lowercase");
    }

    @Test
    @DisplayName("quotes, capitals and spaces are refused before they reach any SQL")
    void otherCharactersAreRefused() {
        assertThatThrownBy(() -> SchemaName.check("chat\"; drop table x; --"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("is not a plain lowercase PostgreSQL identifier");
    }
}
