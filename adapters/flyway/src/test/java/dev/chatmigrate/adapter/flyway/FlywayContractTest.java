package dev.chatmigrate.adapter.flyway;

import dev.chatmigrate.contract.MigrationEngineContract;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Flyway passes the whole contract. */
class FlywayContractTest extends MigrationEngineContract {

    @Override
    protected MigrationEngineProvider provider() {
        return new FlywayEngineProvider();
    }

    @Override
    protected void corruptRecordedChecksumOfVersion2(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("update chatmigrate_flyway_history set checksum = checksum + 1 where version = '2'");
        }
    }
}
