package dev.chatmigrate.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code chatmigrate.*} properties: the same settings as the command's {@code CHATMIGRATE_*}
 * variables, which Spring Boot's relaxed binding maps onto these names.
 */
@ConfigurationProperties("chatmigrate")
public class ChatmigrateProperties {

    /** Whether to migrate at startup; when false, startup only checks that the schema is at least at the target version. */
    private boolean enabled = true;

    /** The migration engine by id: flyway, liquibase or mybatis (its adapter must be on the class path). */
    private String engine = "flyway";

    /** The schema of the chatbot tables: a plain lowercase identifier. */
    private String schema = "public";

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
    private Duration connectTimeout = Duration.ofSeconds(60);

    /** How long to wait, in total, for locks held by other sessions (another replica migrating, long transactions). */
    private Duration lockTimeout = Duration.ofSeconds(120);

    /** How long one DDL statement waits for its table lock before that step is retried. */
    private Duration ddlLockTimeout = Duration.ofSeconds(1);

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

    public LibraryCheck getEngineLibraryCheck() {
        return engineLibraryCheck;
    }

    public void setEngineLibraryCheck(LibraryCheck engineLibraryCheck) {
        this.engineLibraryCheck = engineLibraryCheck;
    }
}
