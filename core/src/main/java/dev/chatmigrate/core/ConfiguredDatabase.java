package dev.chatmigrate.core;

import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where a {@link ChatmigrateConfiguration}'s database comes from: the application's data source, a {@link Database}
 * value, or else the URL setting with the user and password settings applied. The last one given replaces the others.
 */
final class ConfiguredDatabase {

    private DataSource dataSource;
    private Database database;

    void dataSource(DataSource source) {
        this.dataSource = source;
        this.database = null;
    }

    void database(Database given) {
        this.database = given;
        this.dataSource = null;
    }

    /** The URL setting as parsed, with the user and password settings applied; empty when a data source or value is given. */
    Optional<DatabaseUrl> url(SettingValues values) {
        String url = values.text(Setting.DATABASE_URL);
        if (url == null || dataSource != null || database != null) {
            return Optional.empty();
        }
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        return Optional.of(new DatabaseUrl(parsed.database().withCredentials(values.text(Setting.DATABASE_USER),
                values.text(Setting.DATABASE_PASSWORD)), parsed.notices()));
    }

    boolean isConfigured(SettingValues values) {
        return dataSource != null || database != null || values.text(Setting.DATABASE_URL) != null;
    }

    /** The data source to migrate with; only when {@link #isConfigured}. */
    DataSource dataSource(SettingValues values, String applicationName, Duration connectTimeout) {
        if (dataSource != null) {
            return dataSource;
        }
        Database resolved = database != null ? database : url(values).orElseThrow().database();
        return resolved.dataSource(applicationName, connectTimeout);
    }
}
