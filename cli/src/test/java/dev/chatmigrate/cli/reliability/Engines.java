package dev.chatmigrate.cli.reliability;

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

    /** Every engine under the {@code reliability} profile; otherwise one engine, rotating by day so each gets its turn. */
    static List<String> slow() {
        if (Boolean.getBoolean(SLOW_PROPERTY)) {
            return all();
        }
        return List.of(all().get((int) (java.time.LocalDate.now().toEpochDay() % all().size())));
    }
}
