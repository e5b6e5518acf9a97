package dev.chatmigrate.cli.violation;

import dev.chatmigrate.core.internal.PoolCapacity;

/** Breaks a rule on purpose (another module using the core's internals); only {@code RulesCanFailTest} imports it. */
public final class CliUsingCoreInternals {

    public void check(javax.sql.DataSource dataSource) {
        PoolCapacity.require(dataSource);
    }
}
