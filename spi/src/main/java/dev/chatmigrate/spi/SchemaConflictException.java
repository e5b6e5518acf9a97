package dev.chatmigrate.spi;

import java.util.List;

/**
 * The chatbot tables exist with a shape that cannot be reconciled without changing data; nothing was
 * changed. Exit code 4.
 */
public class SchemaConflictException extends MigrationException {

    private final List<String> differences;

    public SchemaConflictException(String summary, List<String> differences) {
        super(summary + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", differences));
        this.differences = List.copyOf(differences);
    }

    /** One line per difference: table, object, expected, found. */
    public List<String> differences() {
        return differences;
    }

    @Override
    public int exitCode() {
        return 4;
    }
}
