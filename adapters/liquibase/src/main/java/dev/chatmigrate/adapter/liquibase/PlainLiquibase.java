package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.spi.PlainMigration;
import dev.chatmigrate.spi.ScriptPlaceholders;
import java.util.Map;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase without chatmigrate, run as its documentation starts: the {@code update} command with a URL,
 * credentials, the default schema and the adapter's changelog with its parameter for a plain {@code messages}; Liquibase's own lock service and logging. As in the
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
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, plainMessages())
                .execute());
    }

    /** Version 4's placeholder for a plain {@code messages}, as changelog parameters. */
    private static ChangeLogParameters plainMessages() {
        ChangeLogParameters parameters = new ChangeLogParameters();
        ScriptPlaceholders.values(false).forEach(parameters::set);
        return parameters;
    }
}
