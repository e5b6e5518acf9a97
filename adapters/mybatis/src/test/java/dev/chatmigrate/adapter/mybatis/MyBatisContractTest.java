package dev.chatmigrate.adapter.mybatis;

import dev.chatmigrate.contract.MigrationEngineContract;
import dev.chatmigrate.spi.MigrationEngineProvider;

/**
 * MyBatis Migrations passes the whole contract. It declares no {@code CHECKSUM_VALIDATION}, because
 * MyBatis records no checksums, so clause c15 is skipped, visibly.
 */
class MyBatisContractTest extends MigrationEngineContract {

    @Override
    protected MigrationEngineProvider provider() {
        return new MyBatisEngineProvider();
    }
}
