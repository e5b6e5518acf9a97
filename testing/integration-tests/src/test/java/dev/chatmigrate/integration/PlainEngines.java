package dev.chatmigrate.integration;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.spi.ScriptPlaceholders;
import liquibase.command.CommandScope;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Flyway and Liquibase without chatmigrate, configured as their documentation starts (a URL, credentials, the
 * scripts' location; for Flyway the non-transactional lock its PostgreSQL page asks for with concurrent indexes, and
 * version 4's placeholder for a plain {@code messages}), on the same scripts and changelog as the adapters: the anchors the runner's
 * overhead is measured against.
 */
final class PlainEngines {

    private PlainEngines() {
    }

    /** Runs the plain engine {@code engine} ({@code flyway} or {@code liquibase}) to the latest version. */
    static void migrate(String engine, Database database) throws Exception {
        switch (engine) {
            case "flyway" -> {
                FluentConfiguration configuration = Flyway.configure();
                // Flyway's documented setting for CREATE INDEX CONCURRENTLY: its default lock waits for the index forever
                configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
                configuration.dataSource(database.jdbcUrl(), database.user(), database.password())
                        .locations("classpath:db/flyway/migrations").placeholders(ScriptPlaceholders.values(false)).load().migrate();
            }
            case "liquibase" -> new CommandScope("update")
                    .addArgumentValue("url", database.jdbcUrl())
                    .addArgumentValue("username", database.user())
                    .addArgumentValue("password", database.password())
                    .addArgumentValue("changelogFile", "db/liquibase/changelog.yaml")
                    .execute();
            default -> throw new IllegalArgumentException("Expected flyway or liquibase, found " + engine + ".");
        }
    }
}
