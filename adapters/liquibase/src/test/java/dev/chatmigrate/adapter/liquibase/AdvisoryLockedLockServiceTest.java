package dev.chatmigrate.adapter.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.lockservice.StandardLockService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cheaper lock service applies inside the adapter's scope only, and takes Liquibase's lock row as the standard one does. */
class AdvisoryLockedLockServiceTest {

    @FreshDatabase
    private TestDatabase database;

    @Test
    @DisplayName("outside the adapter's scope Liquibase keeps its standard lock service")
    void standardServiceOutsideTheScope() throws Exception {
        try (Connection connection = database.connect()) {
            LockService service = LockServiceFactory.getInstance().getLockService(liquibaseDatabase(connection));

            assertThat(service.getClass()).isEqualTo(StandardLockService.class);
        }
    }

    @Test
    @DisplayName("inside the adapter's scope it creates the lock table, takes the row and releases it")
    void createsTakesAndReleasesTheLockRow() throws Exception {
        try (Connection connection = database.connect()) {
            PostgresDatabase liquibaseDatabase = liquibaseDatabase(connection);

            LiquibaseScope.run(() -> {
                LockService service = LockServiceFactory.getInstance().getLockService(liquibaseDatabase);
                assertThat(service).isInstanceOf(AdvisoryLockedLockService.class);
                service.waitForLock();
                assertThat(lockTaken()).as("lock row while held").isTrue();
                service.releaseLock();
                assertThat(lockTaken()).as("lock row after release").isFalse();
                return null;
            });
        } finally {
            LockServiceFactory.reset();
        }
    }

    private static PostgresDatabase liquibaseDatabase(Connection connection) throws Exception {
        PostgresDatabase liquibaseDatabase = new PostgresDatabase();
        liquibaseDatabase.setConnection(new JdbcConnection(connection));
        liquibaseDatabase.setDefaultSchemaName("public");
        liquibaseDatabase.setLiquibaseSchemaName("public");
        liquibaseDatabase.setDatabaseChangeLogTableName(ChangelogHistory.TABLE);
        liquibaseDatabase.setDatabaseChangeLogLockTableName(StaleLock.TABLE);
        return liquibaseDatabase;
    }

    /** The lock row as another session sees it. */
    private boolean lockTaken() throws Exception {
        try (Connection observer = database.connect(); Statement statement = observer.createStatement();
             ResultSet row = statement.executeQuery("select locked from chatmigrate_changelog_lock where id = 1")) {
            return row.next() && row.getBoolean(1);
        }
    }
}
