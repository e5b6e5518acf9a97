package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.core.session.DdlLockTimeout;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.LockTimeoutException;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.testing.online.ChatbotLoad;
import dev.chatmigrate.testing.online.LockWaitSampler;
import dev.chatmigrate.testing.states.SampleRows;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The runner's online safety in one process, with the jdbc baseline engine: DDL lock timeout, retries, recovery. */
class OnlineRunnerTest {

    private static final Duration DDL_LOCK_TIMEOUT = Duration.ofMillis(200);
    /** Room for scheduling on a busy two-core machine; a wait that is not bounded lasts as long as the reader, seconds. */
    private static final Duration MARGIN = Duration.ofSeconds(1);

    @FreshDatabase
    private TestDatabase database;

    private MigrationSettings settings(Duration lockTimeout) {
        String application = Database.applicationName("jdbc");
        return new MigrationSettings("jdbc", database.database().dataSource(application, Duration.ofSeconds(15)), "public",
                Duration.ofSeconds(15), lockTimeout, DDL_LOCK_TIMEOUT);
    }

    @Nested
    @DisplayName("every connection waits at most the DDL lock timeout")
    class DdlLockTimeoutSetting {

        @Test
        @DisplayName("a URL data source carries lock_timeout as a startup option, and the engine's connections have it")
        void engineConnectionsHaveTheLockTimeout() throws Exception {
            AtomicReference<String> seenByEngine = new AtomicReference<>();
            JdbcBaselineProvider recording = new JdbcBaselineProvider() {
                @Override
                public MigrationEngine open(MigrationSettings engineSettings) {
                    try (Connection connection = engineSettings.dataSource().getConnection()) {
                        seenByEngine.set(show(connection, "lock_timeout"));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return super.open(engineSettings);
                }
            };
            new MigrationRunner(settings(Duration.ofSeconds(5)), recording).migrate();
            assertThat(seenByEngine.get()).isEqualTo("200ms");
        }

        @Test
        @DisplayName("a pool's connection gets lock_timeout when taken and its own setting back when returned")
        void poolConnectionsAreResetOnReturn() throws Exception {
            try (Connection physical = database.connect()) {
                DataSource poolOfOne = new OneConnectionPool(physical);
                try (Connection taken = DdlLockTimeout.apply(poolOfOne, DDL_LOCK_TIMEOUT).getConnection()) {
                    assertThat(show(taken, "lock_timeout")).isEqualTo("200ms");
                }
                assertThat(show(physical, "lock_timeout")).isEqualTo("0");
            }
        }
    }

    @Nested
    @DisplayName("a long reader holding messages")
    class LongReader {

        @Test
        @DisplayName("makes the DDL retry, never wait longer than the DDL lock timeout, nor the writer; migrate finishes once the reader ends")
        void ddlRetriesUntilTheReaderEnds() throws Exception {
            JdbcBaselineProvider engine = new JdbcBaselineProvider();
            new MigrationRunner(settings(Duration.ofSeconds(5)), engine).migrate(2);
            try (Connection connection = database.connect()) {
                SampleRows.insertConversations(connection, "public");
            }
            MigrationReport report;
            try (LockWaitSampler sampler = LockWaitSampler.start(database, "chatmigrate-", ChatbotLoad.WRITER);
                 ChatbotLoad.Writer writer = ChatbotLoad.Writer.start(database)) {
                Connection reader = ChatbotLoad.longReader(database);
                CompletableFuture<MigrationReport> migration = CompletableFuture.supplyAsync(
                        () -> new MigrationRunner(settings(Duration.ofSeconds(60)), engine).migrate());
                assertThat(sampler.awaitWaits("chatmigrate-", 3, Duration.ofSeconds(30))).as("three DDL lock waits seen").isTrue();
                assertThat(migration).as("still waiting for the reader").isNotDone();
                reader.close();
                report = migration.join();
                assertThat(writer.inserted()).isPositive();
                assertThat(sampler.longestWaitOf("chatmigrate-")).isLessThan(DDL_LOCK_TIMEOUT.plus(MARGIN));
                assertThat(sampler.longestWaitOf(ChatbotLoad.WRITER)).isLessThan(DDL_LOCK_TIMEOUT.plus(MARGIN));
            }
            assertThat(report.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
            try (Connection connection = database.connect()) {
                assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).isClean()).isTrue();
            }
        }

        @Test
        @DisplayName("that outlasts the lock budget ends migrate with LockTimeoutException naming the reader")
        void readerOutlastingTheBudgetIsNamed() throws Exception {
            JdbcBaselineProvider engine = new JdbcBaselineProvider();
            new MigrationRunner(settings(Duration.ofSeconds(5)), engine).migrate(2);
            try (Connection reader = ChatbotLoad.longReader(database)) {
                assertThatThrownBy(() -> new MigrationRunner(settings(Duration.ofSeconds(1)), engine).migrate())
                        .isInstanceOf(LockTimeoutException.class)
                        .hasMessageContaining("pid " + ChatbotLoad.backendPid(reader))
                        .hasMessageContaining("application '" + ChatbotLoad.READER + "'")
                        .hasMessageContaining("idle in transaction")
                        .hasMessageContaining("holding a lock on messages")
                        .hasMessageNotContaining("select count(*)");
            }
            try (Connection connection = database.connect()) {
                assertThat(SchemaVerifier.verify(connection, "public", 2).isClean()).as("nothing of version 3 applied").isTrue();
            }
        }
    }

    @Test
    @DisplayName("a session terminated mid-migrate is recovered in the same call: the latest version, every version once")
    void terminatedSessionIsRecovered() throws Exception {
        AtomicBoolean terminated = new AtomicBoolean();
        JdbcBaselineProvider terminatedOnce = new JdbcBaselineProvider() {
            @Override
            public MigrationEngine open(MigrationSettings engineSettings) {
                MigrationEngine engine = super.open(engineSettings);
                if (terminated.compareAndSet(false, true)) {
                    terminateChatmigrateSessions();
                }
                return engine;
            }
        };
        MigrationReport report = new MigrationRunner(settings(Duration.ofSeconds(5)), terminatedOnce).migrate();

        assertThat(terminated).isTrue();
        assertThat(report.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery("select count(*), count(distinct version), max(version) from chatmigrate_jdbc_history")) {
            history.next();
            assertThat(history.getInt(1)).isEqualTo(ChatbotSchema.LATEST_VERSION).isEqualTo(history.getInt(2)).isEqualTo(history.getInt(3));
            assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).isClean()).isTrue();
        }
    }

    private void terminateChatmigrateSessions() {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                    + " and application_name like 'chatmigrate-%'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet value = statement.executeQuery("show " + setting)) {
            value.next();
            return value.getString(1);
        }
    }

    /** A pool of one physical connection that is never really closed, as a pool hands its connections back. */
    private record OneConnectionPool(Connection physical) implements DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> method.getName().equals("close") ? null : method.invoke(physical, arguments));
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
