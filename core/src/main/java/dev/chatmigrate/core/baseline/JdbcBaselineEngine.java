package dev.chatmigrate.core.baseline;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.OutsideTransaction;
import dev.chatmigrate.spi.ScriptPlaceholders;
import dev.chatmigrate.spi.Sql;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.spi.StepFailedException;
import dev.chatmigrate.spi.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/** The raw-DDL baseline on one connection; see {@link JdbcBaselineProvider}. */
final class JdbcBaselineEngine implements MigrationEngine {

    private final JdbcBaselineProvider provider;
    private final Connection connection;
    private final String history;
    private final Map<String, String> placeholders;

    JdbcBaselineEngine(JdbcBaselineProvider provider, MigrationSettings settings) {
        this.provider = provider;
        this.placeholders = ScriptPlaceholders.values(settings);
        this.history = provider.historyTable();
        try {
            connection = settings.dataSource().getConnection();
            Sql.useSchema(connection, settings.schema());
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table if not exists " + history + " (version integer primary key, description text not null,"
                        + " checksum bigint not null, applied_at timestamptz not null default now())");
            }
        } catch (SQLException e) {
            throw new StepFailedException("jdbc baseline cannot open: " + e.getMessage(), e);
        }
    }

    @Override
    public MigrationReport migrate(int targetVersion) {
        long started = System.nanoTime();
        List<String> problems = validate().problems();
        if (!problems.isEmpty()) {
            throw new StepFailedException("jdbc baseline: the history does not match the scripts, nothing applied: " + String.join("; ", problems), null);
        }
        int before = current();
        List<AppliedStep> steps = new ArrayList<>();
        for (int version = before + 1; version <= targetVersion; version++) {
            steps.add(run(version, provider.upScript(version), this::record));
        }
        return new MigrationReport(provider.id(), before, Math.max(before, current()), steps, Duration.ofNanos(System.nanoTime() - started), List.of());
    }

    @Override
    public MigrationReport downgrade(int targetVersion) {
        long started = System.nanoTime();
        int before = current();
        List<AppliedStep> steps = new ArrayList<>();
        for (int version = before; version > targetVersion; version--) {
            steps.add(run(version, provider.downScript(version), this::forget));
        }
        return new MigrationReport(provider.id(), before, current(), steps, Duration.ofNanos(System.nanoTime() - started), List.of());
    }

    private interface HistoryChange {
        void apply(int version) throws SQLException;
    }

    /** Runs {@code template} with its placeholders replaced; the history's checksum stays the template's, the same for every layout. */
    private AppliedStep run(int version, String template, HistoryChange historyChange) {
        long started = System.nanoTime();
        String script = ScriptPlaceholders.replaceIn(template, placeholders);
        boolean transactional = !OutsideTransaction.requiredBy(script);
        try {
            connection.setAutoCommit(!transactional);
            try (Statement statement = connection.createStatement()) {
                for (String sql : transactional ? List.of(script) : statements(script)) {
                    statement.execute(sql);
                }
            }
            if (provider.recordsHistory()) {
                historyChange.apply(version);
            }
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StepFailedException("jdbc baseline: version " + version + " failed: " + e.getMessage(), e);
        } finally {
            autocommitQuietly();
        }
        return new AppliedStep(version, ChatbotSchema.describe(version), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The script's statements, each ending with a semicolon at the end of a line outside a dollar-quoted body, for a
     * script that runs outside a transaction: pgJDBC sends a multi-statement string as one pipeline, which PostgreSQL
     * runs as one transaction.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        boolean inBody = false;
        for (String line : script.split("\n")) {
            if (!inBody && (line.isBlank() || line.startsWith("--"))) {
                continue;
            }
            statement.append(line).append('\n');
            inBody ^= (line.split("\\$\\$", -1).length - 1) % 2 == 1;
            if (!inBody && line.stripTrailing().endsWith(";")) {
                statements.add(statement.toString().strip());
                statement.setLength(0);
            }
        }
        if (!statement.isEmpty()) {
            statements.add(statement.toString().strip());
        }
        return statements;
    }

    private void record(int version) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + history + " (version, description, checksum) values (?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, ChatbotSchema.describe(version));
            insert.setLong(3, checksum(provider.upScript(version)));
            insert.executeUpdate();
        }
    }

    private void forget(int version) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + history + " where version = ?")) {
            delete.setInt(1, version);
            delete.executeUpdate();
        }
    }

    @Override
    public StatusReport status() {
        int current = current();
        return new StatusReport(provider.id(), current, IntStream.rangeClosed(1, current).boxed().toList(),
                IntStream.rangeClosed(current + 1, ChatbotSchema.LATEST_VERSION).boxed().toList());
    }

    @Override
    public ValidationReport validate() {
        List<String> problems = new ArrayList<>();
        history().forEach((version, checksum) -> {
            if (!provider.isChecksumOf(version, checksum)) {
                problems.add("version " + version + ": the recorded checksum " + checksum + " does not match the script's "
                        + checksum(provider.upScript(version)));
            }
        });
        return new ValidationReport(provider.id(), problems);
    }

    private int current() {
        return history().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private TreeMap<Integer, Long> history() {
        TreeMap<Integer, Long> recorded = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, checksum from " + history)) {
            while (rows.next()) {
                recorded.put(rows.getInt(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new StepFailedException("jdbc baseline cannot read its history: " + e.getMessage(), e);
        }
        return recorded;
    }

    static long checksum(String script) {
        CRC32 crc = new CRC32();
        crc.update(script.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private void rollbackQuietly() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the step's own failure is what the caller needs to see
        }
    }

    private void autocommitQuietly() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the next statement reports it
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
