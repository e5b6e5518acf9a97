package dev.chatmigrate.spi;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a schema of the chatbot tables may be called: a plain lowercase PostgreSQL identifier of at most 63 bytes that
 * is none of PostgreSQL's own schemas ({@code information_schema}, {@code pg_catalog}, {@code pg_toast}, any
 * {@code pg_*}), whose tables {@code pg_dump} leaves out of backups.
 */
public final class SchemaName {

    /** PostgreSQL's limit on a name, in bytes ({@code NAMEDATALEN - 1}). */
    public static final int MAX_BYTES = 63;

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final String EXPECTED = "a plain lowercase identifier of at most 63 bytes, not a system schema";

    private SchemaName() {
    }

    /**
     * {@code schema}, if it may hold the chatbot tables.
     *
     * @throws InvalidConfigurationException naming what is wrong with it and what to choose instead
     */
    public static String check(String schema) {
        int bytes = schema.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw refused(schema, "is " + bytes + " bytes long, and PostgreSQL names are at most " + MAX_BYTES + " bytes:"
                    + " choose a shorter name");
        }
        if (!PLAIN_IDENTIFIER.matcher(schema).matches()) {
            throw refused(schema, "is not a plain lowercase PostgreSQL identifier: expected letters, digits and underscores,"
                    + " such as public or chatbot");
        }
        if (schema.equals("information_schema") || schema.startsWith("pg_")) {
            throw refused(schema, "is one of PostgreSQL's own schemas (information_schema and pg_* are reserved, and pg_dump"
                    + " leaves their tables out of backups): choose a schema of your own, such as public or chatbot");
        }
        return schema;
    }

    private static InvalidConfigurationException refused(String schema, String problem) {
        String shown = schema.length() > 80 ? schema.substring(0, 80) + "..." : schema;
        return new InvalidConfigurationException("The schema '" + shown + "' " + problem + ".", "schema", EXPECTED, shown);
    }
}
