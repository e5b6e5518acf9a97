package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.spi.CannotConnectException;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.ScriptPlaceholders;
import dev.chatmigrate.spi.Secrets;
import dev.chatmigrate.spi.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCommandStep;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.ValidateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

/**
 * One connection to the chatbot schema, and Liquibase's view of it once a command needs one.
 *
 * <p>The connection's {@code search_path} is the chatbot schema, and so are Liquibase's default
 * schema and the schema of its history tables, which carry chatmigrate's own names
 * ({@link ChangelogHistory#TABLE}, {@link StaleLock#TABLE}): the changelog names tables unqualified, as every
 * engine's scripts do. Liquibase runs in {@link LiquibaseScope}.
 */
final class LiquibaseSession implements AutoCloseable {

    /** The root changelog, on the class path. */
    static final String CHANGELOG = "db/liquibase/changelog.yaml";

    private final MigrationSettings settings;
    private final Connection connection;
    private Database database;

    private LiquibaseSession(MigrationSettings settings, Connection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    static LiquibaseSession open(MigrationSettings settings) {
        try {
            Connection connection = settings.dataSource().getConnection();
            try {
                Sql.useSchema(connection, settings.schema());
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new LiquibaseSession(settings, connection);
        } catch (SQLException e) {
            throw new CannotConnectException("The Liquibase engine cannot connect to " + settings.dataSource() + ": "
                    + Secrets.redact(e.getMessage()) + ". The runner's own connection worked a moment before;"
                    + " check that the server accepts one more connection (max_connections) and try again.", e);
        }
    }

    /** The versions recorded as applied, read without starting Liquibase. */
    List<Integer> appliedVersions() throws SQLException {
        return ChangelogHistory.appliedVersions(connection, settings.schema());
    }

    /** Whether Liquibase's history table exists, that is, whether Liquibase ever ran here. */
    boolean hasHistory() throws SQLException {
        return ChangelogHistory.exists(connection, settings.schema());
    }

    /** A Liquibase command against this session's database, with the arguments every command here shares. */
    interface Command {
        void addArguments(CommandScope command);
    }

    /** Applies every changeset up to the tag of {@code version}, with {@code listener} watching. */
    void updateToVersion(int version, ChangeExecListener listener) throws Exception {
        execute(UpdateToTagCommandStep.COMMAND_NAME, command -> command
                .addArgumentValue(UpdateToTagCommandStep.TAG_ARG, VersionTags.of(version))
                .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG));
    }

    /** Rolls back every changeset after the tag of {@code version}, newest first, with {@code listener} watching. */
    void rollbackToVersion(int version, ChangeExecListener listener) throws Exception {
        execute(RollbackCommandStep.COMMAND_NAME, command -> command
                .addArgumentValue(RollbackCommandStep.TAG_ARG, VersionTags.of(version))
                .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener));
    }

    /** Validates the changelog against the history: throws Liquibase's {@code ValidationFailedException} (as a cause) on problems. */
    void validate() throws Exception {
        execute(ValidateCommandStep.COMMAND_NAME, command -> {
        });
    }

    /** Releases a lock row left by a dead process; see {@link StaleLock}. */
    void releaseStaleLock() throws SQLException {
        StaleLock.release(connection, settings.schema());
    }

    private void execute(String[] commandName, Command arguments) throws Exception {
        LiquibaseScope.run(() -> {
            CommandScope command = new CommandScope(commandName)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database())
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters(database(), settings));
            arguments.addArguments(command);
            return command.execute();
        });
    }

    /** The changelog's parameters: {@link ScriptPlaceholders} for the layout of {@code messages}, which version 4's rollback reads. */
    static ChangeLogParameters parameters(Database database, MigrationSettings settings) {
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        ScriptPlaceholders.values(settings).forEach(parameters::set);
        return parameters;
    }

    private Database database() throws DatabaseException {
        if (database == null) {
            PostgresDatabase postgres = new PostgresDatabase();
            postgres.setConnection(new UrlWithoutParameters(connection));
            postgres.setDefaultSchemaName(settings.schema());
            postgres.setLiquibaseSchemaName(settings.schema());
            postgres.setDatabaseChangeLogTableName(ChangelogHistory.TABLE);
            postgres.setDatabaseChangeLogLockTableName(StaleLock.TABLE);
            database = postgres;
        }
        return database;
    }

    /**
     * Liquibase's view of the connection, its URL cut before the parameters. pgJDBC's data source hands the
     * driver a URL listing all of its 70-odd properties (1.5 kB), and Liquibase masks credentials in it with
     * regular expressions that take 30 to 80 ms on that length, several times per command (docs/performance.md).
     * The parameters name no database, and credentials among them are left out too.
     */
    static final class UrlWithoutParameters extends JdbcConnection {

        UrlWithoutParameters(Connection connection) {
            super(connection);
        }

        @Override
        protected String getConnectionUrl() throws SQLException {
            String url = super.getConnectionUrl();
            int parameters = url.indexOf('?');
            return parameters < 0 ? url : url.substring(0, parameters);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing is left to release: the session ends with the connection
        }
    }
}
