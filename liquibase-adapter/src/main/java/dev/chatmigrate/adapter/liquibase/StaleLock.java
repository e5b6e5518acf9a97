package dev.chatmigrate.adapter.liquibase;

import liquibase.database.Database;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a Liquibase lock row left taken by a process that died mid-migration.
 *
 * <p>Liquibase's {@code databasechangeloglock} row never expires: after a replica is killed while
 * migrating, the next start waits for it (5 minutes by default) and then fails (liquibase issue #1311).
 * This engine only runs while the chatmigrate runner holds the advisory lock of the schema, which every
 * chatmigrate migrator takes first, whatever its engine; so a taken row can only be left over from a
 * process that is gone, and releasing it (as {@code liquibase release-locks} would) is safe.
 */
final class StaleLock {

    private static final Logger LOG = LoggerFactory.getLogger(StaleLock.class);

    private StaleLock() {
    }

    /** Releases the lock row if it is taken, saying so in the log; must run in {@link LiquibaseScope}. */
    static void release(Database database) throws LiquibaseException {
        LockService lockService = LockServiceFactory.getInstance().getLockService(database);
        DatabaseChangeLogLock[] locks = lockService.listLocks();
        if (locks.length == 0) {
            return;
        }
        for (DatabaseChangeLogLock lock : locks) {
            LOG.warn("Releasing the Liquibase lock in schema {} taken by {} since {}: chatmigrate holds the advisory lock of this schema,"
                    + " so no other migrator is running and the process that took it is gone (killed while migrating?)",
                    database.getLiquibaseSchemaName(), lock.getLockedBy(), lock.getLockGranted());
        }
        lockService.forceReleaseLock();
    }
}
