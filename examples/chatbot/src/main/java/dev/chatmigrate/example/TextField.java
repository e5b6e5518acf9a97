package dev.chatmigrate.example;

/** The rules for the text fields of requests, with 400 messages that name the field. */
final class TextField {

    private static final int QUOTED_LENGTH = 40;

    private TextField() {
    }

    /** {@code value}, which must be present, not blank and at most {@code maxLength} characters long. */
    static String required(String field, String value, int maxLength) {
        if (value == null) {
            throw ApiException.badRequest("\"" + field + "\" is required: a non-blank string" + limit(maxLength) + ".");
        }
        if (value.isBlank()) {
            throw ApiException.badRequest("\"" + field + "\" must not be blank.");
        }
        return optional(field, value, maxLength);
    }

    /** {@code value}, which may be {@code null} and otherwise is at most {@code maxLength} characters long. */
    static String optional(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            throw ApiException.badRequest("\"" + field + "\" is " + length + " characters long: at most " + maxLength + " are allowed.");
        }
        if (value.indexOf('\0') >= 0) {
            throw ApiException.badRequest("\"" + field + "\" contains the character U+0000, which PostgreSQL text cannot store.");
        }
        return value;
    }

    /** {@code value} in quotes for an error message, shortened when long. */
    static String quote(String value) {
        if (value.codePointCount(0, value.length()) <= QUOTED_LENGTH) {
            return "\"" + value + "\"";
        }
        return "\"" + value.substring(0, value.offsetByCodePoints(0, QUOTED_LENGTH)) + "…\"";
    }

    private static String limit(int maxLength) {
        return maxLength == Integer.MAX_VALUE ? "" : " of at most " + maxLength + " characters";
    }
}
