package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MigrationConfigurationTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        MigrationConfiguration configuration = MigrationConfiguration.of(Map.of(), Map.of(), new Properties(), new Properties());

        assertThat(configuration.engine()).isEqualTo("flyway");
        assertThat(configuration.enabled()).isTrue();
        assertThat(configuration.schema()).isEqualTo("public");
        assertThat(configuration.target()).isEmpty();
        assertThat(configuration.connectTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(configuration.database()).isEmpty();
        assertThat(configuration.source(Setting.ENGINE)).isEqualTo("default");
    }

    @Test
    void flagsBeatEnvironmentBeatSystemPropertiesBeatTheFile() {
        Properties file = properties("chatmigrate.engine", "file", "chatmigrate.schema", "from_file", "chatmigrate.lock-timeout", "7s",
                "chatmigrate.connect-timeout", "9s");
        Properties system = properties("chatmigrate.engine", "system", "chatmigrate.schema", "from_system", "chatmigrate.lock-timeout", "8s");
        Map<String, String> environment = Map.of("CHATMIGRATE_ENGINE", "environment", "CHATMIGRATE_SCHEMA", "from_env");
        MigrationConfiguration configuration = MigrationConfiguration.of(Map.of(Setting.ENGINE, "flag"), environment, system, file);

        assertThat(configuration.engine()).isEqualTo("flag");
        assertThat(configuration.schema()).isEqualTo("from_env");
        assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(configuration.connectTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(configuration.source(Setting.SCHEMA)).isEqualTo("CHATMIGRATE_SCHEMA");
    }

    @Test
    void durationsAcceptCommonForms() {
        assertThat(timeout("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(timeout("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(timeout("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(timeout("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aBadDurationNamesTheSettingTheValueAndTheExpectedForm() {
        assertThatThrownBy(() -> timeout("soon"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("CHATMIGRATE_CONNECT_TIMEOUT")
                .hasMessageContaining("'soon'")
                .hasMessageContaining("500ms, 60s, 2m");
    }

    @Test
    void enabledAndTargetAreChecked() {
        assertThat(env("CHATMIGRATE_ENABLED", "false").enabled()).isFalse();
        assertThat(env("CHATMIGRATE_TARGET", "2").target()).hasValue(2);
        assertThat(env("CHATMIGRATE_TARGET", "latest").target()).isEmpty();
        assertThatThrownBy(() -> env("CHATMIGRATE_ENABLED", "maybe").enabled()).hasMessageContaining("true or false");
        assertThatThrownBy(() -> env("CHATMIGRATE_TARGET", "two").target()).hasMessageContaining("a version number");
    }

    @Test
    void theDatabaseUrlTakesUserAndPasswordOverrides() {
        MigrationConfiguration configuration = MigrationConfiguration.of(Map.of(), Map.of(
                "DATABASE_URL", "postgresql://url_user:url_pass@host/chat", "DATABASE_PASSWORD", "override"), new Properties(), new Properties());

        Database database = configuration.database().orElseThrow().database();
        assertThat(database.user()).isEqualTo("url_user");
        assertThat(database.password()).isEqualTo("override");
    }

    @Test
    void aSchemaThatIsNotAPlainIdentifierIsRefused() {
        MigrationConfiguration configuration = env("CHATMIGRATE_SCHEMA", "chat; drop table x");
        Database database = new Database("jdbc:postgresql://host/db", null, null);

        assertThatThrownBy(() -> configuration.settings(database)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("plain lowercase PostgreSQL identifier");
    }

    private static Duration timeout(String value) {
        return env("CHATMIGRATE_CONNECT_TIMEOUT", value).connectTimeout();
    }

    private static MigrationConfiguration env(String name, String value) {
        return MigrationConfiguration.of(Map.of(), Map.of(name, value), new Properties(), new Properties());
    }
}
