package dev.chatmigrate.example.violation;

import dev.chatmigrate.adapter.flyway.FlywayEngineProvider;

/** Breaks a rule on purpose (the example using an adapter directly); only {@code RulesCanFailTest} imports it. */
public final class ExampleUsingAnAdapter {

    public Object engine() {
        return new FlywayEngineProvider();
    }
}
