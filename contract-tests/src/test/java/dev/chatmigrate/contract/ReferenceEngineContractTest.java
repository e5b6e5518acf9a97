package dev.chatmigrate.contract;

import dev.chatmigrate.contract.reference.ReferenceEngineProvider;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The plain-JDBC reference engine passes the contract: the contract asks nothing an honest engine cannot do. */
class ReferenceEngineContractTest extends MigrationEngineContract {

    @Override
    protected MigrationEngineProvider provider() {
        return new ReferenceEngineProvider();
    }

    @Override
    protected void corruptRecordedChecksumOfVersion2(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("update chatmigrate_reference_history set checksum = checksum + 1 where version = 2");
        }
    }
}
