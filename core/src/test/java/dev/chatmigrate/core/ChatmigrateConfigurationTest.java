package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one configuration: every source, its precedence, its checks, and what {@link ChatmigrateConfiguration#load()} builds. */
class ChatmigrateConfigurationTest {

    private static final String URL = "postgresql://url_user:url_pass@db.example/chat";

    @TempDir
    Path directory;

    private final Map<String, String> systemPropertiesSet = new HashMap<>();

    @AfterEach
    void clearSystemProperties() {
        systemPropertiesSet.keySet().forEach(System::clearProperty);
    }

    private void systemProperty(String key, String value) {
        systemPropertiesSet.put(key, value);
        System.setProperty(key, value);
    }

    private Path file(String... lines) throws IOException {
        return Files.writeString(directory.resolve("chatmigrate.properties"), String.join("\n", lines) + "\n");
    }

    private static ChatmigrateConfiguration env(String name, String value) {
        return Chatmigrate.configure().environment(Map.of(name, value));
    }

    @Nested
    @DisplayName("sources and precedence")
    class Precedence {

        @Test
        @DisplayName("with nothing set, every setting has the default Setting declares")
        void defaultsApplyWhenNothingIsSet() {
            ChatmigrateConfiguration configuration = Chatmigrate.configure();

            assertThat(configuration.engine()).isEqualTo(Setting.ENGINE.defaultValue());
            assertThat(configuration.enabled()).isTrue();
            assertThat(configuration.schema()).isEqualTo("public");
            assertThat(configuration.target()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            assertThat(configuration.connectTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(120));
            assertThat(configuration.ddlLockTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(configuration.adoption()).isEqualTo(AdoptionOptions.DEFAULT);
            assertThat(configuration.databaseUrl()).isEmpty();
            assertThat(configuration.hasDatabase()).isFalse();
            assertThat(configuration.source(Setting.ENGINE)).isEqualTo("default");
            assertThat(configuration.source(Setting.DATABASE_URL)).isEqualTo("unset");
        }

        @Test
        @DisplayName("flags beat the environment, which beats system properties, which beat the file, which beats the defaults")
        void flagsBeatEnvironmentBeatSystemPropertiesBeatTheFileBeatDefaults() throws IOException {
            Path file = file("chatmigrate.engine=file", "chatmigrate.schema=from_file", "chatmigrate.lock-timeout=7s",
                    "chatmigrate.connect-timeout=9s", "chatmigrate.target=2");
            systemProperty("chatmigrate.engine", "system");
            systemProperty("chatmigrate.schema", "from_system");
            systemProperty("chatmigrate.lock-timeout", "8s");
            systemProperty("chatmigrate.target", "3");
            Map<String, String> environment = Map.of("CHATMIGRATE_ENGINE", "environment", "CHATMIGRATE_SCHEMA", "from_env",
                    "CHATMIGRATE_TARGET", "4");

            ChatmigrateConfiguration configuration = Chatmigrate.configure().propertiesFile(file).systemProperties().environment(environment)
                    .flags(Map.of(Setting.ENGINE, "flag"));

            assertThat(configuration.engine()).isEqualTo("flag");
            assertThat(configuration.source(Setting.ENGINE)).isEqualTo("--engine");
            assertThat(configuration.schema()).isEqualTo("from_env");
            assertThat(configuration.source(Setting.SCHEMA)).isEqualTo("CHATMIGRATE_SCHEMA");
            assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(8));
            assertThat(configuration.source(Setting.LOCK_TIMEOUT)).isEqualTo("system property chatmigrate.lock-timeout");
            assertThat(configuration.connectTimeout()).isEqualTo(Duration.ofSeconds(9));
            assertThat(configuration.source(Setting.CONNECT_TIMEOUT)).isEqualTo("chatmigrate.properties chatmigrate.connect-timeout");
            assertThat(configuration.target()).isEqualTo(4);
            assertThat(configuration.ddlLockTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(configuration.source(Setting.DDL_LOCK_TIMEOUT)).isEqualTo("default");
        }

        @Test
        @DisplayName("the precedence does not depend on the order in which the sources are read")
        void theOrderOfTheCallsDoesNotChangeThePrecedence() throws IOException {
            Path file = file("chatmigrate.schema=from_file", "chatmigrate.lock-timeout=7s");
            systemProperty("chatmigrate.lock-timeout", "8s");
            Map<String, String> environment = Map.of("CHATMIGRATE_SCHEMA", "from_env", "CHATMIGRATE_ENGINE", "liquibase");

            ChatmigrateConfiguration configuration = Chatmigrate.configure().engine("mybatis").environment(environment).systemProperties()
                    .propertiesFile(file);

            assertThat(configuration.engine()).as("an explicit call beats a variable read after it").isEqualTo("mybatis");
            assertThat(configuration.schema()).isEqualTo("from_env");
            assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(8));
        }

        @Test
        @DisplayName("a map of chatmigrate.* properties counts as explicit values; other keys are ignored")
        void aMapIsExplicit() {
            Map<String, String> settings = Map.of("chatmigrate.schema", "from_map", "chatmigrate.convert-ids", "true",
                    "chatmigrate.timestamp-zone", "Europe/Berlin", "spring.datasource.url", "jdbc:postgresql://elsewhere/db");

            ChatmigrateConfiguration configuration = Chatmigrate.configure().configuration(settings)
                    .environment(Map.of("CHATMIGRATE_SCHEMA", "from_env", "CHATMIGRATE_LOWERCASE_ROLES", "true"));

            assertThat(configuration.schema()).isEqualTo("from_map");
            assertThat(configuration.source(Setting.SCHEMA)).isEqualTo("configuration chatmigrate.schema");
            assertThat(configuration.adoption()).isEqualTo(new AdoptionOptions(true, true, "Europe/Berlin"));
            assertThat(configuration.hasDatabase()).isFalse();
        }

        @Test
        @DisplayName("an unknown chatmigrate.* key in a map or the file is refused, naming the keys that exist")
        void anUnknownKeyIsRefused() throws IOException {
            assertThatThrownBy(() -> Chatmigrate.configure().configuration(Map.of("chatmigrate.lock-timout", "5s")))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("chatmigrate.lock-timout").hasMessageContaining("chatmigrate.lock-timeout");
            Path file = file("chatmigrate.shema=bot");
            assertThatThrownBy(() -> Chatmigrate.configure().propertiesFile(file))
                    .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("chatmigrate.shema");
        }

        @Test
        @DisplayName("fromEnvironment reads this process's system properties")
        void fromEnvironmentReadsSystemProperties() {
            systemProperty("chatmigrate.ddl-lock-timeout", "3s");

            ChatmigrateConfiguration configuration = ChatmigrateConfiguration.fromEnvironment();

            assertThat(configuration.ddlLockTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(configuration.source(Setting.DDL_LOCK_TIMEOUT)).isEqualTo("system property chatmigrate.ddl-lock-timeout");
        }
    }

    @Nested
    @DisplayName("values are checked, naming their source")
    class Checks {

        @Test
        void durationsAcceptCommonForms() {
            assertThat(timeout("500ms")).isEqualTo(Duration.ofMillis(500));
            assertThat(timeout("90")).isEqualTo(Duration.ofSeconds(90));
            assertThat(timeout("2m")).isEqualTo(Duration.ofMinutes(2));
            assertThat(timeout("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        }

        @Test
        void aBadDurationNamesTheSettingTheSourceTheValueAndTheExpectedForm() {
            assertThatThrownBy(() -> timeout("soon"))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("connect-timeout")
                    .hasMessageContaining("CHATMIGRATE_CONNECT_TIMEOUT")
                    .hasMessageContaining("'soon'")
                    .hasMessageContaining("500ms, 60s, 2m");
        }

        @Test
        void enabledAndTargetAreChecked() {
            assertThat(env("CHATMIGRATE_ENABLED", "false").enabled()).isFalse();
            assertThat(env("CHATMIGRATE_TARGET", "2").target()).isEqualTo(2);
            assertThat(env("CHATMIGRATE_TARGET", "latest").target()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            assertThatThrownBy(() -> env("CHATMIGRATE_ENABLED", "maybe").enabled()).hasMessageContaining("true or false");
            assertThatThrownBy(() -> env("CHATMIGRATE_TARGET", "two").target()).hasMessageContaining("a version from 1 to");
            assertThatThrownBy(() -> env("CHATMIGRATE_TARGET", "99").target()).hasMessageContaining("Cannot migrate to version 99 (from CHATMIGRATE_TARGET): it does not exist");
            assertThatThrownBy(() -> Chatmigrate.configure().target(0)).isInstanceOf(InvalidConfigurationException.class);
        }

        @Test
        void theDatabaseUrlTakesUserAndPasswordOverrides() {
            ChatmigrateConfiguration configuration = Chatmigrate.configure().environment(Map.of(
                    "DATABASE_URL", URL, "DATABASE_PASSWORD", "override"));

            Database database = configuration.databaseUrl().orElseThrow().database();
            assertThat(database.user()).isEqualTo("url_user");
            assertThat(database.password()).isEqualTo("override");
        }

        @Test
        void aSchemaThatIsNotAPlainIdentifierIsRefusedAtLoad() {
            ChatmigrateConfiguration configuration = env("CHATMIGRATE_SCHEMA", "chat; drop table x").url(URL).engine(new JdbcBaselineProvider());

            assertThatThrownBy(configuration::load).isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("plain lowercase PostgreSQL identifier");
        }

        @Test
        void loadWithoutADatabaseSaysWhatIsExpected() {
            assertThatThrownBy(() -> Chatmigrate.configure().load()).isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("No database is configured");
        }

        private static Duration timeout(String value) {
            return env("CHATMIGRATE_CONNECT_TIMEOUT", value).connectTimeout();
        }
    }

    @Nested
    @DisplayName("load builds the facade from the resolved values")
    class Load {

        @Test
        void everyResolvedValueReachesTheFacade() {
            Chatmigrate chatmigrate = Chatmigrate.configure()
                    .environment(Map.of("DATABASE_URL", URL, "CHATMIGRATE_SCHEMA", "bot", "CHATMIGRATE_ENABLED", "false",
                            "CHATMIGRATE_TARGET", "2", "CHATMIGRATE_LOCK_TIMEOUT", "30s", "CHATMIGRATE_CONVERT_IDS", "true"))
                    .configuration(Map.of("chatmigrate.connect-timeout", "5s", "chatmigrate.ddl-lock-timeout", "250ms"))
                    .engine(new JdbcBaselineProvider())
                    .load();

            assertThat(chatmigrate.settings().engineId()).isEqualTo("jdbc");
            assertThat(chatmigrate.settings().schema()).isEqualTo("bot");
            assertThat(chatmigrate.settings().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(chatmigrate.settings().lockTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(chatmigrate.settings().ddlLockTimeout()).isEqualTo(Duration.ofMillis(250));
            assertThat(chatmigrate.enabled()).isFalse();
            assertThat(chatmigrate.target()).isEqualTo(2);
            assertThat(chatmigrate.settings().toString()).contains("db.example").doesNotContain("url_pass");
        }

        @Test
        void anExplicitDataSourceBeatsTheUrlOfTheEnvironment() {
            Database application = new Database("jdbc:postgresql://application.example/app", "app", null);

            Chatmigrate chatmigrate = Chatmigrate.configure().dataSource(application.dataSource("app", Duration.ofSeconds(1)))
                    .environment(Map.of("DATABASE_URL", URL)).engine(new JdbcBaselineProvider()).load();

            assertThat(chatmigrate.settings().dataSource().toString()).contains("application.example");
        }
    }

    @Nested
    @DisplayName("Setting declares each key once")
    class Declarations {

        @Test
        void keysVariablesAndFlagsAreUnique() {
            assertThat(Arrays.stream(Setting.values()).map(Setting::key)).doesNotHaveDuplicates();
            assertThat(Arrays.stream(Setting.values()).map(Setting::environmentVariable)).doesNotHaveDuplicates();
            assertThat(Arrays.stream(Setting.values()).flatMap(s -> s.flag().stream())).doesNotHaveDuplicates()
                    .allMatch(flag -> flag.startsWith("--"));
        }

        @Test
        void everySettingHasADescriptionAndADocumentedDefault() {
            for (Setting setting : Setting.values()) {
                assertThat(setting.description()).as(setting.key()).isNotBlank();
                assertThat(setting.defaultDescription()).as(setting.key()).isNotBlank();
                assertThat(Setting.byKey(setting.key())).hasValue(setting);
            }
        }

        @Test
        void everyDefaultIsAValidValue() {
            ChatmigrateConfiguration defaults = Chatmigrate.configure();
            assertThat(defaults.enabled()).isEqualTo(Boolean.parseBoolean(Setting.ENABLED.defaultValue()));
            assertThat(defaults.adoption().timestampZone()).isEqualTo(Setting.TIMESTAMP_ZONE.defaultValue());
            assertThat(defaults.connectTimeout()).isPositive();
            assertThat(defaults.lockTimeout()).isPositive();
            assertThat(defaults.ddlLockTimeout()).isPositive();
        }
    }
}
