package dev.chatmigrate.example;

import dev.chatmigrate.contract.postgres.TestDatabase;
import dev.chatmigrate.core.Database;
import java.util.HashMap;
import java.util.Map;

/** The environment the service gets in tests: a test database, a free port, short connect retries. */
final class TestEnvironment {

    private TestEnvironment() {
    }

    /** The settings for {@code database}, then {@code overrides} as name, value pairs. */
    static Map<String, String> of(TestDatabase database, String... overrides) {
        Database target = database.database();
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", target.jdbcUrl());
        if (target.user() != null) {
            environment.put("DATABASE_USER", target.user());
        }
        if (target.password() != null) {
            environment.put("DATABASE_PASSWORD", target.password());
        }
        environment.put("PORT", "0");
        environment.put("CHATMIGRATE_CONNECT_TIMEOUT", "10s");
        for (int i = 0; i < overrides.length; i += 2) {
            environment.put(overrides[i], overrides[i + 1]);
        }
        return environment;
    }
}
