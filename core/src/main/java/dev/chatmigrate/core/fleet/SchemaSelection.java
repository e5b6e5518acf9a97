package dev.chatmigrate.core.fleet;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which schemas of a database a fleet runs on: names, and globs ({@code tenant_*}, {@code shop_?}) matched against the
 * schemas that exist ({@code pg_namespace}), system schemas ({@code pg_*}, {@code information_schema}) excluded. A name
 * is taken as it is, whether it exists or not (migrate creates it); a glob that matches nothing selects nothing.
 */
public final class SchemaSelection {

    private static final String EXISTING = "select nspname from pg_namespace where nspname like ? escape '\\'"
            + " and nspname not like 'pg\\_%' escape '\\' and nspname <> 'information_schema' order by nspname";

    private final List<String> entries;

    private SchemaSelection(List<String> entries) {
        if (entries.isEmpty() || entries.stream().anyMatch(String::isBlank)) {
            throw new InvalidConfigurationException("The schema selection '" + String.join(",", entries)
                    + "' is empty or has an empty entry: expected schema names or globs separated by commas, such as tenant_a,tenant_b or 'tenant_*'.",
                    "schemas", "schema names or globs", String.join(",", entries));
        }
        this.entries = List.copyOf(entries);
    }

    /** Comma-separated names and globs, such as {@code tenant_a,tenant_b} or {@code tenant_*}. */
    public static SchemaSelection parse(String text) {
        return new SchemaSelection(List.of(text.trim().split("\\s*,\\s*", -1)));
    }

    /** These names and globs. */
    public static SchemaSelection of(String... namesOrGlobs) {
        return new SchemaSelection(List.of(namesOrGlobs));
    }

    /** Whether any entry is a glob, which needs the catalog to resolve. */
    public boolean hasGlob() {
        return entries.stream().anyMatch(SchemaSelection::isGlob);
    }

    /** The schemas selected on the database of {@code connection}, in the order given, each glob's matches by name. */
    public List<String> resolve(Connection connection) throws SQLException {
        Set<String> schemas = new LinkedHashSet<>();
        for (String entry : entries) {
            if (!isGlob(entry)) {
                schemas.add(entry);
                continue;
            }
            try (PreparedStatement statement = connection.prepareStatement(EXISTING)) {
                statement.setString(1, like(entry));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        schemas.add(rows.getString(1));
                    }
                }
            }
        }
        return new ArrayList<>(schemas);
    }

    /** The names given, when there is no glob. */
    public List<String> names() {
        return entries;
    }

    private static boolean isGlob(String entry) {
        return entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0;
    }

    /** {@code glob} as a LIKE pattern with {@code \} as its escape: {@code *} any run, {@code ?} one character. */
    static String like(String glob) {
        StringBuilder like = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    @Override
    public String toString() {
        return String.join(",", entries);
    }
}
