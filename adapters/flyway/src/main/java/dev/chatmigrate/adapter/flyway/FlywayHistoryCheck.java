package dev.chatmigrate.adapter.flyway;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.SchemaTables;
import dev.chatmigrate.spi.UpToDateCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Reads chatmigrate's Flyway history ({@code chatmigrate_flyway_history}) with plain SQL, without loading Flyway, and answers the version
 * it proves: every row succeeded, every versioned row is one of this build's scripts with Flyway's
 * checksum of that script, versions 1 to N are each there once, and nothing but a baseline or schema
 * marker is recorded besides. Anything else (a failed row, an edited script, an unknown version) is
 * left to Flyway itself.
 */
final class FlywayHistoryCheck implements UpToDateCheck {

    /** The migration script of {@code version}, named after the version's {@link dev.chatmigrate.schema.SchemaVersion#slug()}. */
    static String script(int version) {
        return "V" + version + "__" + ChatbotSchema.version(version).slug() + ".sql";
    }

    @Override
    public String query(String schema) {
        return "select version, checksum, success, type from " + SchemaTables.qualified(schema, FlywayEngine.HISTORY_TABLE)
                + " order by installed_rank";
    }

    @Override
    public OptionalInt verify(ResultSet rows) throws SQLException {
        Set<Integer> applied = new HashSet<>();
        while (rows.next()) {
            String version = rows.getString(1);
            String type = rows.getString(4);
            if (!rows.getBoolean(3)) {
                return OptionalInt.empty();
            }
            if ("SCHEMA".equals(type) || ("BASELINE".equals(type) && "0".equals(version))) {
                continue;
            }
            int number = parse(version);
            if (!"SQL".equals(type) || number < 1 || number > ChatbotSchema.LATEST_VERSION || !applied.add(number)
                    || rows.getObject(2) == null || rows.getInt(2) != checksum(number) && !RevisedScripts.isFirstRelease(number, rows.getInt(2))) {
                return OptionalInt.empty();
            }
        }
        for (int version = 1; version <= applied.size(); version++) {
            if (!applied.contains(version)) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(applied.size());
    }

    /** A history row's version as a number; -1 for none or a dotted one, which no chatmigrate script has. */
    static int parse(String version) {
        try {
            return version == null ? -1 : Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Flyway's checksum of a script: CRC32 over its lines, each without its line break, a leading BOM removed. */
    static int checksum(int version) {
        String name = "db/flyway/migrations/" + script(version);
        CRC32 crc = new CRC32();
        try (InputStream in = FlywayHistoryCheck.class.getClassLoader().getResourceAsStream(name);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = lines.readLine();
            }
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("cannot read " + name, e));
        }
        return (int) crc.getValue();
    }
}
