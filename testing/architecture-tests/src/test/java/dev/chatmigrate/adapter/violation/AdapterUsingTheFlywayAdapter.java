package dev.chatmigrate.adapter.violation;

import dev.chatmigrate.adapter.flyway.FlywayEngineProvider;

/** An "adapter" that depends on another adapter, on purpose; only {@code RulesCanFailTest} imports it. */
public final class AdapterUsingTheFlywayAdapter {

    public Object borrowed() {
        return new FlywayEngineProvider();
    }
}
