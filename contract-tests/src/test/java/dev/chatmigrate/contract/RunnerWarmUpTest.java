package dev.chatmigrate.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.contract.postgres.FreshDatabase;
import dev.chatmigrate.contract.postgres.TestDatabase;
import dev.chatmigrate.core.MigrationRunner;
import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When the runner warms the engine up, and that a warm-up is an optimisation only. */
class RunnerWarmUpTest {

    @FreshDatabase
    private TestDatabase database;

    @Test
    @DisplayName("a warm-up that throws does not fail the migration")
    void failingWarmUpIsIgnored() throws Exception {
        CountDownLatch thrown = new CountDownLatch(1);
        MigrationEngineProvider failingWarmUp = new JdbcBaselineProvider() {
            @Override
            public void warmUp() {
                thrown.countDown();
                throw new IllegalStateException("warm-up failed on purpose");
            }
        };

        MigrationReport report = new MigrationRunner(database.settings(failingWarmUp.id()), failingWarmUp).migrate();

        assertThat(thrown.await(30, TimeUnit.SECONDS)).as("the warm-up ran").isTrue();
        assertThat(report.versionAfter()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        try (Connection connection = database.connect()) {
            assertThat(SchemaVerifier.verify(connection, "public", ChatbotSchema.LATEST_VERSION).isClean()).isTrue();
        }
    }

    @Test
    @DisplayName("status does not warm the engine up")
    void statusDoesNotWarmUp() throws InterruptedException {
        OpenCountingProvider counting = new OpenCountingProvider(new JdbcBaselineProvider());

        new MigrationRunner(database.settings(counting.id()), counting).status();

        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("chatmigrate-warm-up-")) {
                thread.join();
            }
        }
        assertThat(counting.warmedUp()).isZero();
        assertThat(counting.opened()).isEqualTo(1);
    }
}
