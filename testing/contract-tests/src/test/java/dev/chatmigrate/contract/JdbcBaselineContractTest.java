package dev.chatmigrate.contract;

import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The plain-JDBC baseline passes the contract: the contract asks nothing an honest engine cannot do. */
class JdbcBaselineContractTest extends MigrationEngineContract {

    @Override
    protected MigrationEngineProvider provider() {
        return new JdbcBaselineProvider();
    }

    @Override
    protected void corruptRecordedChecksumOfVersion2(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("update chatmigrate_jdbc_history set checksum = checksum + 1 where version = 2");
        }
    }
}
