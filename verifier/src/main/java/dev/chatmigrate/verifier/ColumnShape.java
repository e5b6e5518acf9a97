package dev.chatmigrate.verifier;

/**
 * A column as PostgreSQL prints it: {@code type} as {@code format_type}, {@code defaultValue} as
 * {@code pg_get_expr} ({@code null} for none).
 */
public record ColumnShape(String type, boolean notNull, String defaultValue) {

    @Override
    public String toString() {
        return type + (notNull ? " not null" : " null") + (defaultValue == null ? "" : " default " + defaultValue);
    }
}
