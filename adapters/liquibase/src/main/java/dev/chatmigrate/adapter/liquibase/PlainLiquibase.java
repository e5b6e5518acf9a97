package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.spi.PlainMigration;
import java.util.Map;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase without chatmigrate, run as its documentation starts: the {@code update} command with a URL,
 * credentials, the default schema and the adapter's changelog; Liquibase's own lock service and logging. As in the
 * adapter, its usage analytics are off (Liquibase's documented {@code liquibase.analytics.enabled}), so that neither
 * fetches its configuration from the internet, and what it would print on the console goes to its log (the
 * console's stream is fixed when Liquibase first starts in a JVM, and {@code compare} keeps its own output clean).
 */
public final class PlainLiquibase implements PlainMigration {

    @Override
    public String engineId() {
        return new LiquibaseEngineProvider().id();
    }

    @Override
    public void migrate(String jdbcUrl, String user, String password, String schema) throws Exception {
        Scope.child(Map.of(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE, Scope.Attr.ui.name(), new LoggerUIService()), () -> new CommandScope("update")
                .addArgumentValue("url", PlainMigration.inSchema(jdbcUrl, schema))
                .addArgumentValue("username", user)
                .addArgumentValue("password", password)
                .addArgumentValue("defaultSchemaName", schema)
                .addArgumentValue("changelogFile", LiquibaseSession.CHANGELOG)
                .execute());
    }
}
