package dev.chatmigrate.adapter.flyway;

import dev.chatmigrate.spi.PlainMigration;
import dev.chatmigrate.spi.ScriptPlaceholders;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Flyway without chatmigrate, configured as its documentation starts: a URL, credentials, the schema and the
 * adapter's scripts, plus the non-transactional lock its PostgreSQL page asks for with concurrent indexes
 * (Flyway's default lock waits for such an index forever), and version 4's placeholder for a plain {@code messages}.
 */
public final class PlainFlyway implements PlainMigration {

    @Override
    public String engineId() {
        return new FlywayEngineProvider().id();
    }

    @Override
    public void migrate(String jdbcUrl, String user, String password, String schema) {
        FluentConfiguration configuration = Flyway.configure();
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        configuration.dataSource(jdbcUrl, user, password).schemas(schema).locations(FlywayEngine.LOCATION)
                .placeholders(ScriptPlaceholders.values(false)).load().migrate();
    }
}
