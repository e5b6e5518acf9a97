package dev.chatmigrate.cli.violation;

import dev.chatmigrate.core.session.ConnectionPools;

/** Breaks a rule on purpose (another module using what the core does around an engine); only {@code RulesCanFailTest} imports it. */
public final class CliUsingCoreInternals {

    public void check(javax.sql.DataSource dataSource) {
        ConnectionPools.requireCapacity(dataSource);
    }
}
