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
 * Reads chatmigrate's Liquibase history ({@code chatmigrate_changelog}) with plain SQL, without starting Liquibase, and answers the version
 * it proves: every row is one of this build's changesets with the checksum in
 * {@code db/liquibase/checksums.properties} (or, for a changeset revised since, the checksum it was first
 * released with, its {@code validCheckSum}), executed or marked ran, and the changesets of versions 0 to N
 * are all there and none later. Anything else is left to Liquibase itself.
 */
final class LiquibaseHistoryCheck implements UpToDateCheck {

    static final String CHECKSUMS = "db/liquibase/checksums.properties";
    static final String AUTHOR = "chatmigrate";
    private static final String EARLIER = "first-release.";

    @Override
    public String query(String schema) {
        return "select id, author, md5sum, exectype from " + SchemaTables.qualified(schema, ChangelogHistory.TABLE);
    }

    @Override
    public OptionalInt verify(ResultSet rows) throws SQLException {
        Map<String, Set<String>> accepted = acceptedChecksums();
        Set<String> recorded = new HashSet<>();
        int highest = -1;
        while (rows.next()) {
            String id = rows.getString(1);
            boolean ran = "EXECUTED".equals(rows.getString(4)) || "MARK_RAN".equals(rows.getString(4));
            if (!accepted.containsKey(id) || !AUTHOR.equals(rows.getString(2)) || !accepted.get(id).contains(rows.getString(3)) || !ran
                    || !recorded.add(id)) {
                return OptionalInt.empty();
            }
            highest = Math.max(highest, versionOf(id));
        }
        int version = highest;
        boolean complete = accepted.keySet().stream().filter(id -> versionOf(id) <= version).allMatch(recorded::contains);
        return complete && version >= 0 ? OptionalInt.of(version) : OptionalInt.empty();
    }

    /** The version of a changeset, from its id: {@code v2-create-table-messages} is version 2. */
    private static int versionOf(String id) {
        return Integer.parseInt(id.substring(1, id.indexOf('-')));
    }

    /** The checksums of this build's changesets, as Liquibase records them. */
    static Map<String, String> expectedChecksums() {
        Map<String, String> current = new TreeMap<>(checksums());
        current.keySet().removeIf(key -> key.startsWith(EARLIER));
        return current;
    }

    /**
     * Per changeset of this build, the checksums its history row may carry: this build's, and for a changeset revised
     * since, the one it was first released with (its {@code validCheckSum}). One read of the manifest.
     */
    private static Map<String, Set<String>> acceptedChecksums() {
        Map<String, String> manifest = checksums();
        Map<String, Set<String>> accepted = new TreeMap<>();
        manifest.forEach((key, md5) -> {
            if (!key.startsWith(EARLIER)) {
                accepted.computeIfAbsent(key, id -> new HashSet<>()).add(md5);
            }
        });
        manifest.forEach((key, md5) -> {
            if (key.startsWith(EARLIER) && accepted.containsKey(key.substring(EARLIER.length()))) {
                accepted.get(key.substring(EARLIER.length())).add(md5);
            }
        });
        return accepted;
    }

    private static Map<String, String> checksums() {
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
