package dev.chatmigrate.core.partition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code chatmigrate partition} would do from the database as it is, changing nothing.
 *
 * @param schema             the chatbot's schema
 * @param layout             the requested layout
 * @param alreadyPartitioned {@code messages} is partitioned already: nothing to do
 * @param resumes            a conversion begun earlier, which a run finishes: its layout, copied rows so far
 * @param steps              the steps in order, with their SQL and locks
 * @param refusals           why the conversion would refuse; empty when it would run
 */
public record PartitionPlan(String schema, PartitionLayout layout, boolean alreadyPartitioned, Optional<String> resumes,
                            List<PartitionStep> steps, List<String> refusals) {

    public PartitionPlan {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(resumes, "resumes");
        steps = List.copyOf(steps);
        refusals = List.copyOf(refusals);
    }

    /** Whether a conversion from here would run (or find nothing to do). */
    public boolean wouldSucceed() {
        return refusals.isEmpty();
    }
}
