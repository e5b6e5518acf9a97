package dev.chatmigrate.schema;

/**
 * A column and the version that adds it.
 *
 * @param type         as {@code format_type} prints it, such as {@code character varying(255)}
 * @param defaultValue as {@code pg_get_expr} prints it, {@code null} for none
 */
public record Column(String table, String name, String type, boolean notNull, String defaultValue, int version) {

    /** The column as a {@code create table} or {@code add column} would declare it. */
    public String ddl() {
        return name + " " + type + (defaultValue == null ? "" : " default " + defaultValue) + (notNull ? " not null" : "");
    }

    /**
     * The condition true for a row whose value in this column would be lost by dropping it: any value
     * other than the default (or than null, for a column without one).
     */
    public String holdsDataCondition() {
        return name + " is distinct from " + (defaultValue == null ? "null" : defaultValue);
    }
}
