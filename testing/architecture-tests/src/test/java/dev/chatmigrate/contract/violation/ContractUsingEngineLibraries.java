package dev.chatmigrate.contract.violation;

import liquibase.Scope;
import org.apache.ibatis.migration.options.SelectedOptions;

/** Breaks rules on purpose (Liquibase and MyBatis outside their adapters); only {@code RulesCanFailTest} imports it. */
public final class ContractUsingEngineLibraries {

    public Object liquibase() {
        return Scope.getCurrentScope();
    }

    public Object myBatis() {
        return new SelectedOptions();
    }
}
