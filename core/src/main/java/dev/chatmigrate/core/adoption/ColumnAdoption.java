package dev.chatmigrate.core.adoption;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.Column;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.verifier.ActualColumn;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans the columns of one table: missing ones added, types that keep every value made canonical ({@code varchar}
 * to {@code varchar(255)} when no value is longer, {@code varchar} to {@code text}, a zone-less timestamp read in the
 * configured zone), nullability and defaults aligned. Anything else is a conflict that names the rows.
 */
final class ColumnAdoption {

    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    private static final String TIMESTAMPTZ = "timestamp with time zone";

    /** Zones whose offset is always zero: PostgreSQL converts timestamp to timestamptz in them without a rewrite. */
    private static final Set<String> ZERO_OFFSET_ZONES = Set.of("utc", "etc/utc", "uct", "etc/uct", "gmt", "etc/gmt", "gmt0",
            "etc/gmt0", "etc/gmt+0", "etc/gmt-0", "zulu", "etc/zulu", "universal", "etc/universal", "greenwich", "etc/greenwich");

    private final AdoptionWork work;
    private final String table;
    private boolean zoneChecked;
    /** The table's type changes, run as one statement so that the table is rewritten at most once. */
    private final List<String> typeClauses = new java.util.ArrayList<>();
    private final List<String> typeChanges = new java.util.ArrayList<>();
    private boolean typeRewrites;
    private String typeZone;

    private ColumnAdoption(AdoptionWork work, String table) {
        this.work = work;
        this.table = table;
    }

    static void plan(AdoptionWork work, String table) throws SQLException {
        ColumnAdoption columns = new ColumnAdoption(work, table);
        int first = work.steps.size();
        for (Column column : ChatbotSchema.COLUMNS) {
            if (column.table().equals(table) && column.version() <= work.target) {
                columns.plan(column);
            }
        }
        columns.insertTypeStep(first);
        List<String> known = ChatbotSchema.COLUMNS.stream().filter(c -> c.table().equals(table)).map(Column::name).toList();
        for (String name : work.catalog.columnNames(table)) {
            if (!known.contains(name)) {
                work.extras.add("column " + table + "." + name + " (" + work.catalog.column(table, name).orElseThrow().type() + ")");
            }
        }
    }

    private void plan(Column column) throws SQLException {
        Optional<ActualColumn> found = work.catalog.column(table, column.name());
        String where = table + "." + column.name();
        String alter = "alter table " + work.qualified(table) + " alter column " + Sql.identifier(column.name());
        if (found.isEmpty()) {
            if (column.version() > ChatbotSchema.table(table).version()) {
                return; // a later version's step adds it
            }
            if (column.notNull() && column.defaultValue() == null && work.hasRows(table)) {
                work.conflict("column " + where + ": expected " + column.type() + " not null, found no such column in a table with rows;"
                        + " add it and fill it yourself");
            } else {
                boolean volatileDefault = column.defaultValue() != null && column.defaultValue().contains("random");
                work.step("added column " + where, "alter table " + work.qualified(table) + " add column " + column.ddl(),
                        exclusive(volatileDefault ? "while every row is rewritten" : "brief (catalog only)"), volatileDefault);
                work.addedColumns.add(where);
            }
            return;
        }
        ActualColumn actual = found.get();
        AdoptionWork.Offenders nulls = column.notNull() && !actual.notNull()
                ? work.offenders(table, Sql.identifier(column.name()) + " is null") : new AdoptionWork.Offenders(0, List.of());
        if (nulls.any()) {
            work.conflict("column " + where + ": expected not null, found null in " + nulls + "; fill or delete those rows");
        }
        if (!actual.type().equals(column.type()) && !planType(column, actual, where)) {
            work.unusableColumns.add(where);
            return;
        }
        if (column.notNull() && !actual.notNull()) {
            if (!nulls.any()) {
                work.step("made column " + where + " not null", alter + " set not null", exclusive("while every row is scanned"), false);
            }
        } else if (!column.notNull() && actual.notNull()) {
            work.step("made column " + where + " nullable", alter + " drop not null", exclusive("brief (catalog only)"), false);
        }
        if (!Objects.equals(column.defaultValue(), actual.defaultValue())) {
            work.step((column.defaultValue() == null ? "dropped the default of " + where : "set the default of " + where + " to " + column.defaultValue()),
                    alter + (column.defaultValue() == null ? " drop default" : " set default " + column.defaultValue()), exclusive("brief (catalog only)"), false);
        }
    }

    private void typeChange(String description, String column, String type, boolean rewrites) {
        typeChanges.add(description);
        typeClauses.add("alter column " + Sql.identifier(column) + " type " + type);
        typeRewrites |= rewrites;
    }

    /** One step for every type change of the table, before its other steps: one lock, at most one rewrite. */
    private void insertTypeStep(int index) {
        if (typeClauses.isEmpty()) {
            return;
        }
        String zone = typeZone == null ? "" : "set local timezone = " + Sql.literal(typeZone) + "; ";
        Integer rewriting = work.rewritingAlter.get(table);
        if (rewriting != null) {
            AdoptionStep joined = work.steps.get(rewriting);
            work.steps.set(rewriting, AdoptionStep.of(joined.description() + "; " + String.join("; ", typeChanges),
                    zone + joined.sql() + ", " + String.join(", ", typeClauses), joined.lock(), true));
            return;
        }
        String sql = zone + "alter table " + work.qualified(table) + " " + String.join(", ", typeClauses);
        work.steps.add(index, AdoptionStep.of(String.join("; ", typeChanges), sql,
                exclusive(typeRewrites ? "while every row is rewritten and the table's indexes rebuilt"
                        : "brief (catalog only" + (typeZone == null ? ")" : ": in a zone of offset 0 PostgreSQL keeps the stored values)")),
                typeRewrites));
    }

    /** Plans a type change that keeps every value; {@code false} (with a conflict) when there is none. */
    private boolean planType(Column column, ActualColumn actual, String where) throws SQLException {
        String change = where + " from " + actual.type() + " to " + column.type();
        Matcher varchar = VARCHAR.matcher(column.type());
        boolean textual = actual.baseType().equals("character varying") || actual.baseType().equals("text");
        if (varchar.matches() && textual) {
            int length = Integer.parseInt(varchar.group(1));
            boolean fits = actual.length() >= 0 && actual.length() <= length;
            if (!fits) {
                AdoptionWork.Offenders longer = work.offenders(table, "length(" + Sql.identifier(column.name()) + ") > " + length);
                if (longer.any()) {
                    work.conflict("column " + where + ": expected " + column.type() + ", found " + actual.type() + " with values longer than "
                            + length + " characters in " + longer + "; shortening them would lose text, so shorten or move them yourself");
                    return false;
                }
            }
            typeChange("changed column " + change + (fits ? "" : ": no value is longer"), column.name(), column.type(), !fits);
            return true;
        }
        if (column.type().equals("text") && textual) {
            typeChange("changed column " + change, column.name(), "text", false);
            return true;
        }
        if (column.type().equals(TIMESTAMPTZ) && actual.baseType().equals("timestamp with time zone")) {
            typeChange("changed column " + change + ": every value keeps its instant", column.name(), TIMESTAMPTZ, false);
            return true;
        }
        if (column.type().equals(TIMESTAMPTZ) && actual.baseType().equals("timestamp without time zone")) {
            String zone = checkedZone();
            boolean rewrites = !ZERO_OFFSET_ZONES.contains(zone.toLowerCase(java.util.Locale.ROOT));
            typeZone = zone;
            typeChange("changed column " + change + ", reading the stored values as " + zone + " time", column.name(), TIMESTAMPTZ, rewrites);
            return true;
        }
        if (column.type().equals("uuid") && IdConversion.isIntegerId(actual)) {
            return false; // IdConversion refused it already
        }
        work.conflict("column " + where + ": expected type " + column.type() + ", found " + actual.type()
                + "; changing a column's type this way can change or lose data, so convert it yourself");
        return false;
    }

    /** The configured zone, checked once against PostgreSQL's zone names. */
    private String checkedZone() throws SQLException {
        String zone = work.options.timestampZone();
        if (!zoneChecked) {
            try (PreparedStatement statement = work.connection.prepareStatement("select exists (select 1 from pg_timezone_names where name = ?)")) {
                statement.setString(1, zone);
                try (ResultSet known = statement.executeQuery()) {
                    known.next();
                    if (!known.getBoolean(1)) {
                        throw new InvalidConfigurationException("The setting " + AdoptionOptions.TIMESTAMP_ZONE + " is '" + zone
                                + "', which PostgreSQL does not know: expected a name from pg_timezone_names such as UTC or Europe/Berlin.",
                                AdoptionOptions.TIMESTAMP_ZONE, "a time zone name PostgreSQL knows", zone);
                    }
                }
            }
            zoneChecked = true;
        }
        return zone;
    }

    private String exclusive(String how) {
        return "ACCESS EXCLUSIVE on " + table + ", " + how;
    }
}
