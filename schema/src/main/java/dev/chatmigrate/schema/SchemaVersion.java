package dev.chatmigrate.schema;

/**
 * One version of the canonical schema: its number (from 1) and what it does, in a few words. Engines
 * name their script files after {@link #slug()}, so that a version is found by its number.
 */
public record SchemaVersion(int number, String description) {

    public SchemaVersion {
        if (number < 1) {
            throw new IllegalArgumentException("Schema versions start at 1, found " + number);
        }
    }

    /** The description as a file-name part: lower case, words joined by underscores, such as {@code add_messages_token_count}. */
    public String slug() {
        return description.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
