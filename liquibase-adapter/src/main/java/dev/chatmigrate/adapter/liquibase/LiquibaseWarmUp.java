package dev.chatmigrate.adapter.liquibase;

import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandFactory;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.database.core.PostgresDatabase;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;
import liquibase.sqlgenerator.SqlGeneratorFactory;

/**
 * Liquibase's start-up without a database: its scope and configuration, the update command's steps,
 * the SQL generators and lock services, and the changelog parsed once and dropped. About 3,000 classes load on the way,
 * most of a fresh JVM's first migrate; what is built here is thrown away, since Liquibase keeps its
 * factories per thread until a scope is shared.
 */
final class LiquibaseWarmUp {

    private LiquibaseWarmUp() {
    }

    static void run() throws Exception {
        LiquibaseScope.run(() -> {
            CommandFactory.getInstance().getCommandDefinition(UpdateToTagCommandStep.COMMAND_NAME);
            SqlGeneratorFactory.getInstance();
            LockServiceFactory.getInstance();
            new PostgresDatabase();
            ResourceAccessor resources = Scope.getCurrentScope().getResourceAccessor();
            ChangeLogParserFactory.getInstance().getParser(LiquibaseSession.CHANGELOG, resources)
                    .parse(LiquibaseSession.CHANGELOG, new ChangeLogParameters(), resources);
            return null;
        });
    }
}
