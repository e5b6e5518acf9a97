package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.spi.SchemaTables;
import java.sql.SQLException;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.lockservice.StandardLockService;

/**
 * Liquibase's own lock service, taking and releasing the lock row of {@link StaleLock#TABLE} as usual,
 * except that it asks whether the lock table exists with one {@code to_regclass} query instead of a
 * JDBC-metadata snapshot, which costs a fresh JVM about 50 ms. Liquibase picks it (it outranks the
 * standard service) only inside {@link LiquibaseScope}, that is while chatmigrate's runner holds the
 * advisory lock of the schema; any other use of Liquibase in the same JVM keeps the standard service.
 * Public, with a public constructor, because Liquibase finds it through {@code META-INF/services}.
 */
public final class AdvisoryLockedLockService extends StandardLockService {

    @Override
    public int getPriority() {
        return PRIORITY_DEFAULT + 1;
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof PostgresDatabase && LiquibaseScope.isActive();
    }

    @Override
    protected boolean isDatabaseChangeLogLockTableCreated(boolean forceRecheck) {
        if (forceRecheck || hasDatabaseChangeLogLockTable == null) {
            try {
                hasDatabaseChangeLogLockTable = SchemaTables.exists(((JdbcConnection) database.getConnection()).getUnderlyingConnection(),
                        database.getLiquibaseSchemaName(), database.getDatabaseChangeLogLockTableName());
            } catch (SQLException e) {
                throw new UnexpectedLiquibaseException(e);
            }
        }
        return hasDatabaseChangeLogLockTable;
    }
}
