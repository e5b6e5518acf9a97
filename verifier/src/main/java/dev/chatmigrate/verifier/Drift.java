package dev.chatmigrate.verifier;

/** One difference between the expected and the actual schema: where, what was expected, what was found. */
public record Drift(String table, String object, String expected, String found) {

    /** Whether this is an object the canonical schema does not have (an ORM's or a DBA's index, say), rather than a canonical object missing or different. */
    public boolean isExtra() {
        return expected.equals("absent") && !found.equals("absent") && !object.equals("table");
    }

    @Override
    public String toString() {
        return isExtra() ? table + ": " + object + ": extra, not part of the canonical schema (" + found + ")"
                : table + ": " + object + ": expected " + expected + ", found " + found;
    }
}
