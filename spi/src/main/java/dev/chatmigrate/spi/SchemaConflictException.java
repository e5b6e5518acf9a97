package dev.chatmigrate.spi;

import java.util.List;

/**
 * The chatbot tables exist with a shape that cannot be reconciled without changing data, or are not
 * at a version required; nothing was changed. {@link #differences()} names each one.
 */
public class SchemaConflictException extends MigrationException {

    private final List<String> differences;

    public SchemaConflictException(String summary, List<String> differences) {
        super(Kind.SCHEMA_CONFLICT, summary + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", differences));
        this.differences = List.copyOf(differences);
    }

    /** One line per difference: table, object, expected, found, what to do. */
    public List<String> differences() {
        return differences;
    }
}
