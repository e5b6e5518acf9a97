package dev.chatmigrate.schema;

/** One version of the canonical schema: its number (from 1) and what it does, in a few words. */
public record SchemaVersion(int number, String description) {

    public SchemaVersion {
        if (number < 1) {
            throw new IllegalArgumentException("Schema versions start at 1, found " + number);
        }
    }
}
