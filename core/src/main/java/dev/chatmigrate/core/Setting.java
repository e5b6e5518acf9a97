package dev.chatmigrate.core;

import dev.chatmigrate.core.adoption.AdoptionOptions;
import dev.chatmigrate.core.history.EngineSwitch;
import dev.chatmigrate.core.replica.ReplicaWait;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every chatmigrate setting, declared once: its key, the command's flag (if any), the environment variable,
 * the {@code chatmigrate.*} property (a system property, a line of {@code chatmigrate.properties}, a Spring
 * property), the default and what it does. The command's help, the Spring properties' defaults and the
 * README's configuration table derive from here (tests keep the last two in step); see docs/design.md,
 * "Configuration".
 */
public enum Setting {
    ENGINE("engine", "--engine", "CHATMIGRATE_ENGINE", "flyway", null, "migration engine: flyway, liquibase or mybatis"),
    DATABASE_URL("url", "--url", "DATABASE_URL", null, "none: the command starts an embedded PostgreSQL",
            "database, as a libpq URI (postgresql://user:password@host/db) or a JDBC URL"),
    DATABASE_USER("user", null, "DATABASE_USER", null, "the URL's", "database user, replacing the URL's"),
    DATABASE_PASSWORD("password", null, "DATABASE_PASSWORD", null, "the URL's", "database password, replacing the URL's"),
    ENABLED("enabled", null, "CHATMIGRATE_ENABLED", "true", null,
            "false: migrate changes nothing and only checks that the schema is at least at the target"),
    TARGET("target", "--target", "CHATMIGRATE_TARGET", "latest", null, "version to migrate to"),
    SCHEMA("schema", "--schema", "CHATMIGRATE_SCHEMA", "public", null, "schema of the chatbot tables"),
    CONNECT_TIMEOUT("connect-timeout", null, "CHATMIGRATE_CONNECT_TIMEOUT", "60s", null,
            "how long connecting is retried while the database starts or wakes up"),
    LOCK_TIMEOUT("lock-timeout", null, "CHATMIGRATE_LOCK_TIMEOUT", "120s", null,
            "the whole wait for locks: another migrator's, and the tables' locks a step needs"),
    DDL_LOCK_TIMEOUT("ddl-lock-timeout", null, "CHATMIGRATE_DDL_LOCK_TIMEOUT", "1s", null,
            "how long one DDL statement waits for its table lock before its step is retried"),
    CONVERT_IDS(AdoptionOptions.CONVERT_IDS, "--convert-ids", "CHATMIGRATE_CONVERT_IDS", String.valueOf(AdoptionOptions.DEFAULT.convertIds()), null,
            "adoption may turn integer ids into uuids, keeping the old ones in chatmigrate_id_map"),
    LOWERCASE_ROLES(AdoptionOptions.LOWERCASE_ROLES, "--lowercase-roles", "CHATMIGRATE_LOWERCASE_ROLES",
            String.valueOf(AdoptionOptions.DEFAULT.lowercaseRoles()), null,
            "adoption may turn roles such as USER into the canonical user"),
    TIMESTAMP_ZONE(AdoptionOptions.TIMESTAMP_ZONE, "--timestamp-zone", "CHATMIGRATE_TIMESTAMP_ZONE", AdoptionOptions.DEFAULT.timestampZone(), null,
            "zone in which existing timestamp without time zone values were written"),
    SWITCH_ENGINE(EngineSwitch.SETTING, "--switch-engine", "CHATMIGRATE_SWITCH_ENGINE", "false", null,
            "take over a schema another chatmigrate engine tracks, retiring its history: an engine switch is done once, deliberately"),
    REPLICA_WAIT(ReplicaWait.SETTING, null, "CHATMIGRATE_REPLICA_WAIT", ReplicaWait.DEFAULT.toSeconds() + "s", null,
            "how long migrate waits for every streaming standby to replay its changes, else exit 7; 0 turns it off");

    /** The prefix of every property key. */
    public static final String PROPERTY_PREFIX = "chatmigrate.";

    private final String key;
    private final String flag;
    private final String environmentVariable;
    private final String defaultValue;
    private final String whenUnset;
    private final String description;

    Setting(String key, String flag, String environmentVariable, String defaultValue, String whenUnset, String description) {
        this.key = key;
        this.flag = flag;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.whenUnset = whenUnset;
        this.description = description;
    }

    /** The setting's name in messages and in {@link dev.chatmigrate.spi.MigrationException#setting()}, such as {@code lock-timeout}. */
    public String key() {
        return key;
    }

    /** The command's flag, such as {@code --schema}, if the command has one. */
    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    /** The key as a system property, in {@code chatmigrate.properties} and in Spring: {@code chatmigrate.} and {@link #key()}. */
    public String propertyKey() {
        return PROPERTY_PREFIX + key;
    }

    /** The default, or {@code null} when the setting has none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default as documentation shows it: the value, or what happens without one. */
    public String defaultDescription() {
        return defaultValue != null ? defaultValue : whenUnset;
    }

    /** What the setting does, in one line. */
    public String description() {
        return description;
    }

    /** The setting whose {@link #key()} is {@code key}, if any. */
    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
