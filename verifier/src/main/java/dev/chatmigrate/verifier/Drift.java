package dev.chatmigrate.verifier;

/** One difference between the expected and the actual schema: where, what was expected, what was found. */
public record Drift(String table, String object, String expected, String found) {

    @Override
    public String toString() {
        return table + ": " + object + ": expected " + expected + ", found " + found;
    }
}
