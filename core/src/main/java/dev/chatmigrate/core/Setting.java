package dev.chatmigrate.core;

/**
 * Every chatmigrate setting, with the environment variable and property key that set it and its
 * default. Properties keys serve both as system properties and in {@code chatmigrate.properties}.
 */
public enum Setting {
    ENGINE("CHATMIGRATE_ENGINE", "chatmigrate.engine", "flyway"),
    DATABASE_URL("DATABASE_URL", "chatmigrate.url", null),
    DATABASE_USER("DATABASE_USER", "chatmigrate.user", null),
    DATABASE_PASSWORD("DATABASE_PASSWORD", "chatmigrate.password", null),
    ENABLED("CHATMIGRATE_ENABLED", "chatmigrate.enabled", "true"),
    TARGET("CHATMIGRATE_TARGET", "chatmigrate.target", null),
    SCHEMA("CHATMIGRATE_SCHEMA", "chatmigrate.schema", "public"),
    CONNECT_TIMEOUT("CHATMIGRATE_CONNECT_TIMEOUT", "chatmigrate.connect-timeout", "60s"),
    LOCK_TIMEOUT("CHATMIGRATE_LOCK_TIMEOUT", "chatmigrate.lock-timeout", "120s"),
    DDL_LOCK_TIMEOUT("CHATMIGRATE_DDL_LOCK_TIMEOUT", "chatmigrate.ddl-lock-timeout", "1s"),
    /** Adoption turns integer ids into uuids, keeping the old ones in {@code chatmigrate_id_map}. */
    CONVERT_IDS("CHATMIGRATE_CONVERT_IDS", "chatmigrate.convert-ids", "false"),
    /** Adoption turns roles that differ from a canonical role only in letter case into that role. */
    LOWERCASE_ROLES("CHATMIGRATE_LOWERCASE_ROLES", "chatmigrate.lowercase-roles", "false"),
    /** The zone in which adoption reads {@code timestamp without time zone} values. */
    TIMESTAMP_ZONE("CHATMIGRATE_TIMESTAMP_ZONE", "chatmigrate.timestamp-zone", "UTC");

    private final String environmentVariable;
    private final String propertyKey;
    private final String defaultValue;

    Setting(String environmentVariable, String propertyKey, String defaultValue) {
        this.environmentVariable = environmentVariable;
        this.propertyKey = propertyKey;
        this.defaultValue = defaultValue;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public String propertyKey() {
        return propertyKey;
    }

    /** The setting's name in messages and in {@link dev.chatmigrate.spi.MigrationException#setting()}, such as {@code lock-timeout}. */
    public String key() {
        return propertyKey.substring("chatmigrate.".length());
    }

    /** The setting whose {@link #key()} is {@code key}, if any. */
    public static java.util.Optional<Setting> byKey(String key) {
        return java.util.Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }

    /** The default, or {@code null} when the setting has none. */
    public String defaultValue() {
        return defaultValue;
    }
}
