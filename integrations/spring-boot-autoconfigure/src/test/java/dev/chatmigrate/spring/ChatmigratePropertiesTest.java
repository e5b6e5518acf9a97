package dev.chatmigrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.core.Setting;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The {@code chatmigrate.*} properties against {@link Setting}: the same names, the same defaults, every value passed on. */
class ChatmigratePropertiesTest {

    /** A valid value other than the default for every setting; a new setting fails here until it has one, then until it has a property. */
    private static final Map<Setting, String> SAMPLES = Map.ofEntries(
            Map.entry(Setting.ENGINE, "liquibase"), Map.entry(Setting.DATABASE_URL, "postgresql://db.example/chat"),
            Map.entry(Setting.DATABASE_USER, "bot"), Map.entry(Setting.DATABASE_PASSWORD, "secret"),
            Map.entry(Setting.ENABLED, "false"), Map.entry(Setting.TARGET, "2"), Map.entry(Setting.SCHEMA, "chatbot"),
            Map.entry(Setting.CONNECT_TIMEOUT, "PT5S"), Map.entry(Setting.LOCK_TIMEOUT, "PT30S"), Map.entry(Setting.DDL_LOCK_TIMEOUT, "PT0.25S"),
            Map.entry(Setting.CONVERT_IDS, "true"), Map.entry(Setting.LOWERCASE_ROLES, "true"), Map.entry(Setting.TIMESTAMP_ZONE, "Europe/Berlin"),
            Map.entry(Setting.SWITCH_ENGINE, "true"),
            Map.entry(Setting.REPLICA_WAIT, "PT10S"));

    @Test
    @DisplayName("the properties are exactly the settings' keys, plus the starter's engine-library-check")
    void everySettingHasAProperty() {
        var names = Arrays.stream(BeanUtils.getPropertyDescriptors(ChatmigrateProperties.class)).filter(p -> p.getWriteMethod() != null)
                .map(PropertyDescriptor::getName).map(ChatmigratePropertiesTest::kebab).collect(Collectors.toSet());

        assertThat(names).containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                Arrays.stream(Setting.values()).map(Setting::key), java.util.stream.Stream.of("engine-library-check")).toList());
        assertThat(SAMPLES).containsOnlyKeys(Setting.values());
    }

    @Test
    @DisplayName("unbound properties resolve to the defaults Setting declares")
    void theDefaultsAreSettingsDefaults() {
        ChatmigrateProperties unbound = bind(Map.of());
        ChatmigrateConfiguration fromProperties = Chatmigrate.configure().configuration(unbound.settings());
        ChatmigrateConfiguration defaults = Chatmigrate.configure();

        for (Setting setting : Setting.values()) {
            assertThat(unbound.settings().containsKey(setting.propertyKey())).as(setting.key())
                    .isEqualTo(setting.defaultValue() != null && setting != Setting.TARGET);
        }
        assertThat(fromProperties.engine()).isEqualTo(defaults.engine());
        assertThat(fromProperties.schema()).isEqualTo(defaults.schema());
        assertThat(fromProperties.enabled()).isEqualTo(defaults.enabled());
        assertThat(fromProperties.target()).isEqualTo(defaults.target());
        assertThat(fromProperties.connectTimeout()).isEqualTo(defaults.connectTimeout());
        assertThat(fromProperties.lockTimeout()).isEqualTo(defaults.lockTimeout());
        assertThat(fromProperties.ddlLockTimeout()).isEqualTo(defaults.ddlLockTimeout());
        assertThat(fromProperties.replicaWait()).isEqualTo(defaults.replicaWait());
        assertThat(fromProperties.adoption()).isEqualTo(defaults.adoption());
        assertThat(fromProperties.switchEngine()).isEqualTo(defaults.switchEngine());
    }

    @Test
    @DisplayName("every setting bound from chatmigrate.* reaches the one configuration")
    void everyBoundValueIsPassedOn() {
        Map<String, String> source = new HashMap<>();
        SAMPLES.forEach((setting, value) -> source.put(setting.propertyKey(), value));

        Map<String, String> settings = bind(source).settings();

        assertThat(settings).containsExactlyInAnyOrderEntriesOf(source);
    }

    @Test
    @DisplayName("the CHATMIGRATE_* variables bind by Spring Boot's relaxed binding")
    void variablesBind() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test", Map.of(
                "CHATMIGRATE_CONVERT_IDS", "true", "CHATMIGRATE_TIMESTAMP_ZONE", "Asia/Tokyo", "CHATMIGRATE_LOWERCASE_ROLES", "true",
                "CHATMIGRATE_REPLICA_WAIT", "0s")));
        environment.getPropertySources().addLast(new MapPropertySource("unused", Map.of()));

        ChatmigrateProperties properties = Binder.get(environment).bind("chatmigrate", ChatmigrateProperties.class).get();

        assertThat(properties.isConvertIds()).isTrue();
        assertThat(properties.isLowercaseRoles()).isTrue();
        assertThat(properties.getTimestampZone()).isEqualTo("Asia/Tokyo");
        assertThat(properties.getReplicaWait()).isZero();
    }

    private static ChatmigrateProperties bind(Map<String, String> source) {
        return new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", Map.copyOf(source))))
                .bindOrCreate("chatmigrate", ChatmigrateProperties.class);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
