package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.contract.MigrationEngineContract;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Liquibase passes the whole contract. */
class LiquibaseContractTest extends MigrationEngineContract {

    @Override
    protected MigrationEngineProvider provider() {
        return new LiquibaseEngineProvider();
    }

    @Override
    protected void corruptRecordedChecksumOfVersion2(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("update chatmigrate_changelog set md5sum = '9:00000000000000000000000000000000' where id = 'v2-create-table-messages'");
        }
    }
}
