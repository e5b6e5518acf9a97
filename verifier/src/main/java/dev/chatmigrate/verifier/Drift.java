package dev.chatmigrate.verifier;

/**
 * One difference between the expected and the actual schema: where, what was expected, what was found, and, when
 * there is more to say than "make it so", what to do ({@code advice}, empty otherwise).
 */
public record Drift(String table, String object, String expected, String found, String advice) {

    public Drift {
        advice = advice == null ? "" : advice;
    }

    /** A difference whose remedy is plain from expected and found. */
    public Drift(String table, String object, String expected, String found) {
        this(table, object, expected, found, "");
    }

    /** Whether this is an object the canonical schema does not have (an ORM's or a DBA's index, say), rather than a canonical object missing or different. */
    public boolean isExtra() {
        return expected.equals("absent") && !found.equals("absent") && !object.equals("table");
    }

    @Override
    public String toString() {
        return isExtra() ? table + ": " + object + ": extra, not part of the canonical schema (" + found + ")"
                : table + ": " + object + ": expected " + expected + ", found " + found + (advice.isEmpty() ? "" : "; " + advice);
    }
}
