package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.spi.SchemaTables;
import dev.chatmigrate.spi.UpToDateCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code databasechangelog} with plain SQL, without starting Liquibase, and answers the version
 * it proves: every row is one of this build's changesets with the checksum in
 * {@code db/liquibase/checksums.properties}, executed or marked ran, and the changesets of versions
 * 0 to N are all there and none later. Anything else is left to Liquibase itself.
 */
final class LiquibaseHistoryCheck implements UpToDateCheck {

    static final String CHECKSUMS = "db/liquibase/checksums.properties";
    private static final String AUTHOR = "chatmigrate";

    @Override
    public String query(String schema) {
        return "select id, author, md5sum, exectype from " + SchemaTables.qualified(schema, ChangelogHistory.TABLE);
    }

    @Override
    public OptionalInt verify(ResultSet rows) throws SQLException {
        Map<String, String> expected = expectedChecksums();
        Set<String> recorded = new HashSet<>();
        int highest = -1;
        while (rows.next()) {
            String id = rows.getString(1);
            boolean ran = "EXECUTED".equals(rows.getString(4)) || "MARK_RAN".equals(rows.getString(4));
            if (!expected.containsKey(id) || !AUTHOR.equals(rows.getString(2)) || !expected.get(id).equals(rows.getString(3)) || !ran
                    || !recorded.add(id)) {
                return OptionalInt.empty();
            }
            highest = Math.max(highest, versionOf(id));
        }
        int version = highest;
        boolean complete = expected.keySet().stream().filter(id -> versionOf(id) <= version).allMatch(recorded::contains);
        return complete && version >= 0 ? OptionalInt.of(version) : OptionalInt.empty();
    }

    /** The version of a changeset, from its id: {@code v2-create-table-messages} is version 2. */
    private static int versionOf(String id) {
        return Integer.parseInt(id.substring(1, id.indexOf('-')));
    }

    static Map<String, String> expectedChecksums() {
        Properties checksums = new Properties();
        try (InputStream in = LiquibaseHistoryCheck.class.getClassLoader().getResourceAsStream(CHECKSUMS)) {
            if (in == null) {
                throw new IOException("missing " + CHECKSUMS);
            }
            checksums.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> byId = new TreeMap<>();
        checksums.forEach((id, md5) -> byId.put((String) id, (String) md5));
        return byId;
    }
}
