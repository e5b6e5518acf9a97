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
 * Liquibase's start-up without a database, run on the runner's warm-up thread: the update command's
 * steps, the SQL generators and lock services, the PostgreSQL dialect, and the changelog parsed once
 * and dropped. The gain is mostly class loading, which the JVM shares between threads; of what is
 * built, only the SQL-generator and lock-service factories (JVM-wide singletons) are reused, since
 * Liquibase 4.33 keeps its other factories in a root scope per thread. (Handing that root scope to the
 * engine was tried and measured: no faster, see docs/performance.md.)
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
