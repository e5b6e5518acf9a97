package dev.chatmigrate.adapter.mybatis;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.OutsideTransaction;
import dev.chatmigrate.spi.ScriptPlaceholders;
import dev.chatmigrate.spi.Secrets;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.spi.StepFailedException;
import dev.chatmigrate.spi.ValidationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.operations.DownOperation;
import org.apache.ibatis.migration.operations.StatusOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * MyBatis Migrations on one schema. Every step is its own MyBatis {@code up} or {@code down} of one
 * script, so each runs with the right transaction mode and is timed: versions 1 and 2 run in one
 * transaction each; versions 3 and 5 (a check added not valid, then validated) and 4 (a concurrent index
 * build, on a plain {@code messages}) run in autocommit mode, one statement at a time. MyBatis commits a script
 * and its changelog row separately and has no lock of its own: the scripts are idempotent, so the next
 * run repairs a crash between the two, and the runner's advisory lock serialises replicas.
 */
final class MyBatisEngine implements MigrationEngine {

    /** The changelog table, in the configured schema; named so nobody mistakes it for an application table. */
    static final String CHANGELOG_TABLE = "mybatis_changelog";
    /** Where the scripts are, on the class path. */
    static final String SCRIPTS = "db/mybatis/scripts";
    /**
     * The scripts in {@link #SCRIPTS}, one per version named after its {@link dev.chatmigrate.schema.SchemaVersion#slug()}
     * after the changelog's own: a class loader cannot list a folder inside a jar.
     */
    static final List<String> SCRIPT_NAMES = java.util.stream.Stream.concat(java.util.stream.Stream.of("000_create_changelog.sql"),
            ChatbotSchema.VERSIONS.stream().map(v -> String.format("%03d_%s.sql", v.number(), v.slug()))).toList();

    private final String id;
    private final MigrationSettings settings;
    private final ClasspathMigrationLoader scripts;
    private final MyBatisSession session;
    private final PrintStream output = MyBatisOutput.stream();

    private MyBatisEngine(String id, MigrationSettings settings, ClasspathMigrationLoader scripts, MyBatisSession session) {
        this.id = id;
        this.settings = settings;
        this.scripts = scripts;
        this.session = session;
    }

    /** Opens the engine's session; the scripts load through this class's own class loader. */
    static MyBatisEngine open(String id, MigrationSettings settings) {
        ClasspathMigrationLoader scripts = new ClasspathMigrationLoader(MyBatisEngine.class.getClassLoader(), SCRIPTS, SCRIPT_NAMES,
                variables(settings.partitionedMessages()));
        return new MyBatisEngine(id, settings, scripts, MyBatisSession.open(settings));
    }

    /** What MyBatis replaces {@code ${name}} with in the scripts: the changelog's name and {@link ScriptPlaceholders} for the layout. */
    static Properties variables(boolean partitionedMessages) {
        Properties variables = new Properties();
        variables.setProperty("changelog", CHANGELOG_TABLE);
        variables.putAll(ScriptPlaceholders.values(partitionedMessages));
        return variables;
    }

    @Override
    public MigrationReport migrate(int targetVersion) {
        long started = System.nanoTime();
        Changelog before = changelog();
        List<String> adoption = before.isEmpty() && hasChatbotTables()
                ? List.of("schema " + settings.schema() + " had chatbot tables but no " + CHANGELOG_TABLE + ": MyBatis created it and ran"
                        + " versions 1 to " + targetVersion + ", whose scripts are idempotent, over the existing tables")
                : List.of();
        List<AppliedStep> steps = new ArrayList<>();
        for (Change script : before.pendingUpTo(targetVersion)) {
            long stepStarted = System.nanoTime();
            boolean outside = runsOutsideTransaction(script, false);
            run(script, false, outside, () -> new UpOperation(1).operate(session, scripts, options(outside), output));
            int version = Changelog.version(script.getId());
            if (version > 0) {
                steps.add(new AppliedStep(version, ChatbotSchema.describe(version), Duration.ofNanos(System.nanoTime() - stepStarted)));
            }
        }
        Changelog after = changelog();
        if (after.currentVersion() < targetVersion) {
            throw new StepFailedException("MyBatis stopped at version " + after.currentVersion() + " on schema " + settings.schema()
                    + " instead of reaching version " + targetVersion + ": " + String.join(" ", after.problems(CHANGELOG_TABLE)), null);
        }
        return new MigrationReport(id, before.currentVersion(), after.currentVersion(), steps, Duration.ofNanos(System.nanoTime() - started), adoption);
    }

    @Override
    public MigrationReport downgrade(int targetVersion) {
        long started = System.nanoTime();
        Changelog changelog = changelog();
        int before = changelog.currentVersion();
        List<AppliedStep> steps = new ArrayList<>();
        while (changelog.recordsAbove(targetVersion)) {
            Changelog recorded = changelog;
            Change script = recorded.newestScript().orElseThrow(() -> new StepFailedException("MyBatis cannot downgrade schema "
                    + settings.schema() + " to version " + targetVersion + ": " + String.join(" ", recorded.problems(CHANGELOG_TABLE)), null));
            long stepStarted = System.nanoTime();
            boolean outside = runsOutsideTransaction(script, true);
            run(script, true, outside, () -> new DownOperation(1).operate(session, scripts, options(outside), output));
            int version = Changelog.version(script.getId());
            steps.add(new AppliedStep(version, "undo " + ChatbotSchema.describe(version), Duration.ofNanos(System.nanoTime() - stepStarted)));
            changelog = changelog();
            if (changelog.recorded().equals(recorded.recorded())) {
                throw new StepFailedException("MyBatis undid version " + version + " on schema " + settings.schema() + " but " + CHANGELOG_TABLE
                        + " still records it. Delete its row (id " + version + ") if the undo is complete, then run downgrade again.", null);
            }
        }
        return new MigrationReport(id, before, changelog.currentVersion(), steps, Duration.ofNanos(System.nanoTime() - started), List.of());
    }

    @Override
    public StatusReport status() {
        Changelog changelog = changelog();
        return new StatusReport(id, changelog.currentVersion(), changelog.appliedVersions(), changelog.pendingVersions());
    }

    /** MyBatis records no checksums; what can be checked is that the changelog and the scripts agree on ids. */
    @Override
    public ValidationReport validate() {
        return new ValidationReport(id, changelog().problems(CHANGELOG_TABLE));
    }

    private Changelog changelog() {
        List<Change> status = call("read " + CHANGELOG_TABLE,
                () -> new StatusOperation().operate(session, scripts, options(false), output).getCurrentStatus());
        return Changelog.of(status, scripts.getMigrations());
    }

    /**
     * MyBatis's options for one step: in a transaction, the whole script in one statement (plpgsql bodies contain
     * semicolons); outside one, statement by statement, since pgJDBC sends a multi-statement string as one pipeline
     * that PostgreSQL runs as one transaction. Stop at the first error, and, as MyBatis does by default, JDBC warnings
     * as errors (the session keeps PostgreSQL's harmless notices from becoming warnings).
     */
    static DatabaseOperationOption options(boolean outsideTransaction) {
        DatabaseOperationOption option = new DatabaseOperationOption();
        option.setChangelogTable(CHANGELOG_TABLE);
        option.setSendFullScript(!outsideTransaction);
        option.setStopOnError(true);
        option.setThrowWarning(true);
        option.setAutoCommit(outsideTransaction);
        return option;
    }

    /** Whether the script (or its undo) builds an index concurrently or validates a constraint: see {@link OutsideTransaction}. */
    private boolean runsOutsideTransaction(Change script, boolean undo) {
        StringWriter sql = new StringWriter();
        try (Reader reader = scripts.getScriptReader(script, undo)) {
            reader.transferTo(sql);
        } catch (IOException | RuntimeException e) {
            throw new StepFailedException("Cannot read the MyBatis script " + SCRIPTS + "/" + script.getFilename() + ": " + rootCause(e)
                    + ". It belongs inside the chatmigrate-mybatis-adapter jar; rebuild or reinstall that jar.", e);
        }
        return OutsideTransaction.requiredBy(sql.toString());
    }

    private void run(Change script, boolean undo, boolean outsideTransaction, Runnable operation) {
        try {
            operation.run();
        } catch (RuntimeException e) {
            String what = Changelog.version(script.getId()) == 0 ? "the creation of " + CHANGELOG_TABLE
                    : "version " + script.getId() + " (" + ChatbotSchema.describe(Changelog.version(script.getId())) + ")";
            String mode = outsideTransaction ? "It ran outside a transaction, one statement at a time (an INVALID index or a not yet"
                    + " validated check it may leave, the next migrate completes)." : "It runs in one transaction, so a failure inside it changed nothing.";
            String next = undo
                    ? " " + CHANGELOG_TABLE + " still records it; fix the cause and run downgrade again (undo scripts are idempotent)."
                    : " " + CHANGELOG_TABLE + " does not record it; fix the cause and run migrate again (scripts are idempotent).";
            throw new StepFailedException("MyBatis could not " + (undo ? "undo " : "apply ") + what + ", script " + SCRIPTS + "/"
                    + script.getFilename() + ", on schema " + settings.schema() + ": " + rootCause(e) + ". " + mode + next, e);
        }
    }

    private <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw new StepFailedException("MyBatis could not " + what + " on schema " + settings.schema() + ": " + rootCause(e)
                    + ". Check that the database user may read and write the schema.", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Secrets.redact(String.valueOf(root.getMessage()).replaceAll("\\s+", " ").strip()).replaceFirst("\\.+$", "");
        return root instanceof SQLWarning ? "PostgreSQL sent a WARNING, which MyBatis treats as an error: " + message : message;
    }

    private boolean hasChatbotTables() {
        try (Connection connection = session.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select to_regclass('conversations') is not null")) {
            result.next();
            return result.getBoolean(1);
        } catch (SQLException e) {
            throw new StepFailedException("MyBatis could not look for existing chatbot tables in schema " + settings.schema() + ": "
                    + Secrets.redact(e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        session.close();
        output.close();
    }
}
