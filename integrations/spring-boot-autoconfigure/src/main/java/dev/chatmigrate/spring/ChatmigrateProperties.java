package dev.chatmigrate.spring;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.core.Setting;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code chatmigrate.*} properties: every {@link Setting}, under its key (Spring Boot's relaxed binding maps the
 * {@code CHATMIGRATE_*} variables onto them too), plus the starter's own {@code engine-library-check}. The defaults
 * are those {@link Setting} declares; {@code ChatmigratePropertiesTest} fails for a setting without a property.
 */
@ConfigurationProperties("chatmigrate")
public class ChatmigrateProperties {

    private static final ChatmigrateConfiguration DEFAULTS = Chatmigrate.configure();

    /** Whether to migrate at startup; when false, startup changes nothing and only checks that the schema is at least at the target version. */
    private boolean enabled = DEFAULTS.enabled();

    /** The migration engine by id: flyway, liquibase or mybatis (its adapter must be on the class path). */
    private String engine = DEFAULTS.engine();

    /** The schema of the chatbot tables: a plain lowercase identifier. */
    private String schema = DEFAULTS.schema();

    /** The version to migrate to (or, when disabled, the version required); the latest when unset. */
    private Integer target;

    /**
     * A separate database for migrations, as a libpq URL (postgresql://...) or a JDBC URL. Unset: the application's DataSource.
     * Set it to a direct host when the application's pool goes through a transaction pooler (Neon's -pooler host).
     */
    private String url;

    /** The user for {@code chatmigrate.url}; the URL's own when unset. */
    private String user;

    /** The password for {@code chatmigrate.url}; the URL's own when unset. */
    private String password;

    /** How long to retry connecting while the database starts or wakes up. */
    private Duration connectTimeout = DEFAULTS.connectTimeout();

    /** How long to wait, in total, for locks held by other sessions (another replica migrating, long transactions). */
    private Duration lockTimeout = DEFAULTS.lockTimeout();

    /** How long one DDL statement waits for its table lock before that step is retried. */
    private Duration ddlLockTimeout = DEFAULTS.ddlLockTimeout();

    /** How long migrate waits for every streaming standby to replay its changes before it fails; 0 turns the wait off. */
    private Duration replicaWait = DEFAULTS.replicaWait();

    /** Whether adoption may turn integer ids into uuids, keeping the old ones in chatmigrate_id_map. */
    private boolean convertIds = DEFAULTS.adoption().convertIds();

    /** Whether adoption may turn roles such as USER into the canonical user. */
    private boolean lowercaseRoles = DEFAULTS.adoption().lowercaseRoles();

    /** The zone in which existing timestamp without time zone values were written. */
    private String timestampZone = DEFAULTS.adoption().timestampZone();

    /** Whether to take over a schema another chatmigrate engine tracks, retiring its history: an engine switch is done once, deliberately. */
    private boolean switchEngine = DEFAULTS.switchEngine();

    /** What to do when the engine library on the class path is not the version the adapter was built with. */
    private LibraryCheck engineLibraryCheck = LibraryCheck.FAIL;

    /** The reaction to an engine library of another version than the adapter's. */
    public enum LibraryCheck {
        /** Refuse to start, naming the version to set. */
        FAIL,
        /** Log a warning and start. */
        WARN
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getEngine() {
        return engine;
    }

    public void setEngine(String engine) {
        this.engine = engine;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public Integer getTarget() {
        return target;
    }

    public void setTarget(Integer target) {
        this.target = target;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getDdlLockTimeout() {
        return ddlLockTimeout;
    }

    public void setDdlLockTimeout(Duration ddlLockTimeout) {
        this.ddlLockTimeout = ddlLockTimeout;
    }

    public boolean isConvertIds() {
        return convertIds;
    }

    public void setConvertIds(boolean convertIds) {
        this.convertIds = convertIds;
    }

    public boolean isLowercaseRoles() {
        return lowercaseRoles;
    }

    public void setLowercaseRoles(boolean lowercaseRoles) {
        this.lowercaseRoles = lowercaseRoles;
    }

    public Duration getReplicaWait() {
        return replicaWait;
    }

    public void setReplicaWait(Duration replicaWait) {
        this.replicaWait = replicaWait;
    }

    public String getTimestampZone() {
        return timestampZone;
    }

    public void setTimestampZone(String timestampZone) {
        this.timestampZone = timestampZone;
    }

    /**
     * Every setting these properties hold, as {@code chatmigrate.*} keys for {@link ChatmigrateConfiguration#configuration(Map)};
     * unset ones (url, user, password, target) are left out.
     */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        put(settings, Setting.ENABLED, enabled);
        put(settings, Setting.ENGINE, engine);
        put(settings, Setting.SCHEMA, schema);
        put(settings, Setting.TARGET, target);
        put(settings, Setting.DATABASE_URL, url);
        put(settings, Setting.DATABASE_USER, user);
        put(settings, Setting.DATABASE_PASSWORD, password);
        put(settings, Setting.CONNECT_TIMEOUT, connectTimeout);
        put(settings, Setting.LOCK_TIMEOUT, lockTimeout);
        put(settings, Setting.DDL_LOCK_TIMEOUT, ddlLockTimeout);
        put(settings, Setting.CONVERT_IDS, convertIds);
        put(settings, Setting.LOWERCASE_ROLES, lowercaseRoles);
        put(settings, Setting.TIMESTAMP_ZONE, timestampZone);
        put(settings, Setting.SWITCH_ENGINE, switchEngine);
        put(settings, Setting.REPLICA_WAIT, replicaWait);
        return settings;
    }

    private static void put(Map<String, String> settings, Setting setting, Object value) {
        if (value != null && !value.toString().isBlank()) {
            settings.put(setting.propertyKey(), value.toString());
        }
    }

    public boolean isSwitchEngine() {
        return switchEngine;
    }

    public void setSwitchEngine(boolean switchEngine) {
        this.switchEngine = switchEngine;
    }

    public LibraryCheck getEngineLibraryCheck() {
        return engineLibraryCheck;
    }

    public void setEngineLibraryCheck(LibraryCheck engineLibraryCheck) {
        this.engineLibraryCheck = engineLibraryCheck;
    }
}
