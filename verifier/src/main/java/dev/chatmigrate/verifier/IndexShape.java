package dev.chatmigrate.verifier;

/**
 * An index that no constraint owns: {@code definition} is the part of {@code pg_get_indexdef} after
 * {@code USING}, such as {@code btree (user_id)}; {@code valid} is false after an interrupted
 * {@code CREATE INDEX CONCURRENTLY}.
 */
public record IndexShape(String definition, boolean valid) {

    @Override
    public String toString() {
        return (valid ? "" : "INVALID ") + definition;
    }
}
