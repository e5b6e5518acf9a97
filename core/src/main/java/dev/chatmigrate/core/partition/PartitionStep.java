package dev.chatmigrate.core.partition;

import java.util.List;
import java.util.Objects;

/**
 * One step of the conversion as {@code chatmigrate partition --plan} shows it and the conversion runs it: what it
 * does, its statements, and the locks it takes on the chatbot's tables.
 *
 * @param description what the step does
 * @param statements  its SQL, in order; for the repeated steps (copy, replay) one batch's
 * @param lock        the locks it takes and for how long the chatbot can notice them
 */
public record PartitionStep(String description, List<String> statements, String lock) {

    public PartitionStep {
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
        Objects.requireNonNull(lock, "lock");
    }
}
