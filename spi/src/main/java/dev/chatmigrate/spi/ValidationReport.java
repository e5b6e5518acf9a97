package dev.chatmigrate.spi;

import java.util.List;
import java.util.Objects;

/** The result of checking an engine's history against its scripts: one sentence per problem found. */
public record ValidationReport(String engineId, List<String> problems) {

    public ValidationReport {
        Objects.requireNonNull(engineId, "engineId");
        problems = List.copyOf(problems);
    }

    /** A report without problems. */
    public static ValidationReport valid(String engineId) {
        return new ValidationReport(engineId, List.of());
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
