package dev.chatmigrate.spring.violation;

import dev.chatmigrate.adapter.flyway.FlywayEngineProvider;

/** Breaks a rule on purpose (the starter using an adapter directly); only {@code RulesCanFailTest} imports it. */
public final class StarterUsingAnAdapter {

    public Object engine() {
        return new FlywayEngineProvider();
    }
}
