package dev.chatmigrate.integration.reliability;

import java.util.List;

/** The engines the reliability tests run, as {@code @MethodSource} factories. */
final class Engines {

    /** Set to {@code true} by the {@code reliability} Maven profile: slow tests then run for every engine. */
    static final String SLOW_PROPERTY = "chatmigrate.reliability.slow";

    private Engines() {
    }

    /** Every engine. */
    static List<String> all() {
        return List.of("flyway", "liquibase", "mybatis");
    }

    /**
     * Every engine under the {@code reliability} profile; otherwise only Liquibase, the engine with the most to
     * clean up after a crash (its own lock row), so a default build stays short and reproducible.
     */
    static List<String> slow() {
        return orAll("liquibase");
    }

    /**
     * Every engine under the {@code reliability} profile; otherwise only {@code engine}. Slow scenarios of one class each
     * name a different engine, so that a default build puts every engine through one of them.
     */
    static List<String> orAll(String engine) {
        return Boolean.getBoolean(SLOW_PROPERTY) ? all() : List.of(engine);
    }
}
