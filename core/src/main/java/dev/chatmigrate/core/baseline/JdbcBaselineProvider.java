package dev.chatmigrate.core.baseline;

import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.UpToDateCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The raw-DDL baseline engine, id {@code jdbc}: the canonical scripts ({@code db/jdbc}) run as they
 * are, their placeholders replaced ({@link dev.chatmigrate.spi.ScriptPlaceholders}), one history row per version in
 * {@code chatmigrate_jdbc_history}. Discovered as a {@linkplain #isBaseline() baseline}:
 * compared and benchmarked, never selected by users. Tests subclass it to break it on purpose and prove that the contract
 * suite can fail.
 */
public class JdbcBaselineProvider implements MigrationEngineProvider {

    /**
     * The checksums of scripts as first released, per version revised since: versions 3 and 5 added their check
     * validated in one step and now validate it separately (docs/design.md, "Online safety"); version 4 built its
     * index concurrently unconditionally and now takes that word from a placeholder, empty on a partitioned
     * {@code messages} (docs/design.md, "Partitioned messages"). A history that recorded one of them is as good as
     * the current script's.
     */
    private static final Map<Integer, Long> FIRST_RELEASES = Map.of(3, 576084017L, 4, 2939617022L, 5, 3756157897L);

    @Override
    public String id() {
        return "jdbc";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.NATIVE_DOWNGRADE, Capability.CHECKSUM_VALIDATION, Capability.UP_TO_DATE_CHECK);
    }

    @Override
    public MigrationEngine open(MigrationSettings settings) {
        return new JdbcBaselineEngine(this, settings);
    }

    /**
     * Versions 1 to N when its history table records exactly those, each with the checksum of this build's script;
     * empty otherwise. None for a broken engine that records no history.
     */
    @Override
    public Optional<UpToDateCheck> upToDateCheck() {
        return recordsHistory() ? Optional.of(new JdbcHistoryCheck(this)) : Optional.empty();
    }

    /** Whether {@code checksum}, recorded for {@code version}, is that of its script, as it is now or as first released. */
    boolean isChecksumOf(int version, long checksum) {
        return checksum == JdbcBaselineEngine.checksum(upScript(version)) || Long.valueOf(checksum).equals(FIRST_RELEASES.get(version));
    }

    /** The SQL that brings the schema from {@code version - 1} to {@code version}. */
    protected String upScript(int version) {
        return resource(version + ".sql");
    }

    /** The SQL that undoes {@code version}. */
    protected String downScript(int version) {
        return resource(version + ".undo.sql");
    }

    /**
     * The table of this engine's history, {@code chatmigrate_jdbc_history}; a test that needs a second,
     * independent baseline (such as the other engine of the {@code jdbc} baseline's own contract) names another.
     */
    protected String historyTable() {
        return "chatmigrate_jdbc_history";
    }

    /** Whether applied versions are written to the history table; only a broken engine says no. */
    protected boolean recordsHistory() {
        return true;
    }

    private static String resource(String name) {
        try (InputStream in = JdbcBaselineProvider.class.getClassLoader().getResourceAsStream("db/jdbc/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script db/jdbc/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> historyTables() {
        return List.of(historyTable());
    }

    @Override
    public boolean isBaseline() {
        return true;
    }
}
