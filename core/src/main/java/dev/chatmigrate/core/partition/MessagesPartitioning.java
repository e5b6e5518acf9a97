package dev.chatmigrate.core.partition;

import dev.chatmigrate.core.lock.AdvisoryLock;
import dev.chatmigrate.core.session.ConnectionRetry;
import dev.chatmigrate.core.session.DdlLockTimeout;
import dev.chatmigrate.core.lock.OnlineRetry;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.InvalidConfigurationException;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.SchemaConflictException;
import dev.chatmigrate.spi.Secrets;
import dev.chatmigrate.spi.StepFailedException;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a plain {@code messages} into a partitioned one while the chatbot writes ({@code chatmigrate partition}),
 * under chatmigrate's advisory lock: refuses unless the schema is at the latest version and the table can be carried
 * over whole, does nothing when it is partitioned already, and otherwise builds, copies, replays and swaps
 * ({@link Conversion}). A run killed at any moment leaves the chatbot on one complete table; the next run with the
 * same layout resumes. The engines' histories are not touched: partitioning is a layout, not a version. See
 * {@code docs/partitioning.md}.
 */
public final class MessagesPartitioning {

    private static final Logger LOG = LoggerFactory.getLogger(MessagesPartitioning.class);
    /** Rows per copy batch and changes per replay batch, unless set: a batch takes tens of milliseconds. */
    public static final int DEFAULT_BATCH_SIZE = 5000;

    private final MigrationSettings settings;
    /** {@link #settings} whose connections wait at most the DDL lock timeout for any lock. */
    private final MigrationSettings online;
    private final MigrationEngineProvider provider;
    private final int batchSize;

    /** A conversion of the chatbot tables of {@code settings}, whose version {@code provider}'s history proves. */
    public MessagesPartitioning(MigrationSettings settings, MigrationEngineProvider provider) {
        this(settings, provider, DEFAULT_BATCH_SIZE);
    }

    private MessagesPartitioning(MigrationSettings settings, MigrationEngineProvider provider, int batchSize) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.online = settings.withDataSource(DdlLockTimeout.apply(settings.dataSource(), settings.ddlLockTimeout()));
        this.batchSize = batchSize;
    }

    /** This conversion with batches of {@code rows} rows (copy) and changes (replay). */
    public MessagesPartitioning batchSize(int rows) {
        if (rows < 1) {
            throw new InvalidConfigurationException("The batch size must be at least 1, not " + rows + ".", "batch-size", "1 or more",
                    Integer.toString(rows));
        }
        return new MessagesPartitioning(settings, provider, rows);
    }

    /** What {@link #run} would do from the database as it is; changes nothing and takes no lock. */
    public PartitionPlan plan(PartitionLayout layout) {
        try (Connection connection = ConnectionRetry.open(online.dataSource(), settings.connectTimeout())) {
            prepare(connection);
            MessagesTable table = MessagesTable.read(connection, settings.schema());
            if (table.partitioned()) {
                return new PartitionPlan(settings.schema(), layout, true, Optional.empty(), List.of(), List.of());
            }
            List<String> refusals = refusals(connection, table, layout);
            if (!refusals.isEmpty()) {
                return new PartitionPlan(settings.schema(), layout, false, table.layoutInProgress(), List.of(), refusals);
            }
            PartitionSql sql = new PartitionSql(settings.schema(), layout);
            PartitionSteps steps = new PartitionSteps(sql, layout, batchSize);
            List<PartitionStep> all = new ArrayList<>();
            if (table.layoutInProgress().isEmpty()) {
                all.addAll(steps.setup(connection, settings.schema()));
            }
            all.addAll(steps.afterSetup(stamp()));
            partmanSchema(connection).filter(found -> layout.partman()).ifPresent(found -> all.add(steps.partman(found)));
            return new PartitionPlan(settings.schema(), layout, false, table.layoutInProgress(), PartitionSteps.abridged(all), List.of());
        } catch (SQLException e) {
            throw new StepFailedException("partition --plan failed: " + Secrets.redact(e.getMessage()), e);
        }
    }

    /**
     * Converts {@code messages} to {@code layout}, or finishes the conversion an earlier run began. A DDL statement that
     * waits longer than the DDL lock timeout, or a lost connection, runs the attempt again, which resumes.
     */
    public PartitionReport run(PartitionLayout layout) {
        long started = System.nanoTime();
        OnlineRetry retry = new OnlineRetry("partition", online);
        return retry.run(() -> attempt(layout, started));
    }

    private PartitionReport attempt(PartitionLayout layout, long started) {
        try (Connection lockConnection = ConnectionRetry.open(settings.dataSource(), settings.connectTimeout());
             Connection work = ConnectionRetry.open(online.dataSource(), settings.connectTimeout());
             AdvisoryLock lock = AdvisoryLock.acquire(lockConnection, settings.schema(), settings.lockTimeout())) {
            prepare(work);
            MessagesTable table = MessagesTable.read(work, settings.schema());
            if (table.partitioned()) {
                LOG.info("partition: messages in schema {} is partitioned already; nothing to do", settings.schema());
                return PartitionReport.nothingToDo(settings.schema(), partitionKey(work), partitions(work), elapsed(started));
            }
            List<String> refusals = refusals(work, table, layout);
            if (!refusals.isEmpty()) {
                throw new SchemaConflictException("Cannot partition messages in schema " + settings.schema() + "; nothing was changed.", refusals);
            }
            PartitionSql sql = new PartitionSql(settings.schema(), layout);
            PartitionSteps steps = new PartitionSteps(sql, layout, batchSize);
            boolean resumed = table.layoutInProgress().isPresent();
            Conversion conversion = new Conversion(work, sql, batchSize);
            if (!resumed) {
                conversion.setup(steps.setup(work, settings.schema()));
                LOG.info("partition: {} created beside messages, changes captured from now on", PartitionNames.NEXT_TABLE);
            }
            Conversion.Progress progress = conversion.progress();
            conversion.copy(progress);
            long replayed = conversion.replayUntilNearlyDrained();
            progress = conversion.progress();
            String stamp = stamp();
            Conversion.Swapped swapped = conversion.swap(sql.swap(stamp));
            LOG.info("partition: swapped; messages is partitioned by {} (lock held {} ms)", layout.describe(), swapped.lockHeld().toMillis());
            work.setAutoCommit(true);
            if (layout.partman()) {
                registerWithPartman(work, steps);
            }
            return new PartitionReport(settings.schema(), layout.describe(), false, resumed, partitions(work), progress.copied(),
                    progress.replayed() + swapped.replayed(), swapped.lockHeld(),
                    layout.dropOld() ? Optional.empty() : Optional.of(PartitionNames.KEPT_TABLE_PREFIX + stamp), elapsed(started));
        } catch (SQLException e) {
            throw new StepFailedException("partition failed: " + Secrets.redact(e.getMessage())
                    + " The chatbot goes on with messages as it was; run partition again to resume.", e);
        }
    }

    /** Why the conversion cannot run: the schema not at the latest version, what the table holds that would not carry over. */
    private List<String> refusals(Connection connection, MessagesTable table, PartitionLayout layout) throws SQLException {
        List<String> refusals = new ArrayList<>();
        if (!table.exists()) {
            refusals.add("there is no table messages in schema " + settings.schema() + ": run chatmigrate migrate first");
            return refusals;
        }
        table.layoutInProgress().filter(begun -> !begun.equals(layout.describe())).ifPresent(begun -> refusals.add(
                "a conversion to " + begun + " is in progress (" + PartitionNames.PROGRESS + "): run partition with that layout to finish it"));
        OptionalInt proven = provider.verifiedVersion(connection, settings.schema());
        if (proven.isPresent() && proven.getAsInt() < ChatbotSchema.LATEST_VERSION) {
            refusals.add(provider.id() + "'s history has schema " + settings.schema() + " at version " + proven.getAsInt() + "; partition needs"
                    + " the latest, " + ChatbotSchema.LATEST_VERSION + ": run chatmigrate migrate first");
        } else if (proven.isEmpty()) {
            DriftReport drift = SchemaVerifier.verify(connection, settings.schema(), ChatbotSchema.LATEST_VERSION);
            if (!drift.canonicalObjectsMatch()) {
                refusals.add("the schema is not at version " + ChatbotSchema.LATEST_VERSION + " (" + drift.differences().size()
                        + " difference(s), see chatmigrate verify): run chatmigrate migrate first");
            }
        }
        refusals.addAll(table.obstacles());
        if (layout.partman() && partmanSchema(connection).isEmpty()) {
            refusals.add("pg_partman is not installed in this database (create extension pg_partman schema partman; Debian's package"
                    + " postgresql-NN-partman): install it, or leave out --partman");
        }
        return refusals;
    }

    private void registerWithPartman(Connection connection, PartitionSteps steps) throws SQLException {
        String partman = partmanSchema(connection).orElseThrow();
        try (Statement statement = connection.createStatement()) {
            for (String sqlText : steps.partman(partman).statements()) {
                statement.execute(sqlText);
            }
        }
        LOG.info("partition: messages registered with pg_partman ({})", partman);
    }

    /** UTC for the range bounds, and the session's autocommit for the catalog reads. */
    private static void prepare(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set time zone 'UTC'");
        }
    }

    private static Optional<String> partmanSchema(Connection connection) throws SQLException {
        return single(connection, "select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_partman'");
    }

    private String partitionKey(Connection connection) throws SQLException {
        return single(connection, "select lower(pg_get_partkeydef(to_regclass('" + PartitionNames.qualified(settings.schema(), "messages") + "')))")
                .orElse("?");
    }

    private int partitions(Connection connection) throws SQLException {
        return Integer.parseInt(single(connection, "select count(*) from pg_inherits where inhparent = to_regclass('"
                + PartitionNames.qualified(settings.schema(), "messages") + "')").orElse("0"));
    }

    private static Optional<String> single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
        }
    }

    private static String stamp() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
