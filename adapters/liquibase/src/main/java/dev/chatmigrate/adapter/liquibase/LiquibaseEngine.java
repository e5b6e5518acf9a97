package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.spi.ValidationReport;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Liquibase on one schema: migrate is update-to-tag {@code vN}, downgrade is rollback to tag
 * {@code vN}, status reads the tags Liquibase recorded, validate is Liquibase's own validation.
 * Once opened, migrate always runs Liquibase, even when the tags say the target is reached, so that
 * checksums are validated and a changeset added to a released version is not silently skipped; the
 * runner skips opening it only when {@link LiquibaseHistoryCheck} proves every changeset of this build
 * ran with its recorded checksum. Each call uses a session of its own; nothing is created in the
 * database before a migrate.
 */
final class LiquibaseEngine implements MigrationEngine {

    private final String id;
    private final MigrationSettings settings;
    private final LiquibaseFailures failures;

    LiquibaseEngine(String id, MigrationSettings settings) {
        this.id = id;
        this.settings = settings;
        this.failures = new LiquibaseFailures(settings.schema());
    }

    @Override
    public MigrationReport migrate(int targetVersion) {
        long started = System.nanoTime();
        try (LiquibaseSession session = LiquibaseSession.open(settings)) {
            int before = ChangelogHistory.currentVersion(session.appliedVersions());
            StepRecorder recorder = StepRecorder.forMigrate();
            session.releaseStaleLock();
            session.updateToVersion(targetVersion, recorder);
            int after = ChangelogHistory.currentVersion(session.appliedVersions());
            return new MigrationReport(id, before, after, recorder.steps(), elapsedSince(started), recorder.adoption());
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            throw failures.translate("migrate to version " + targetVersion, e);
        }
    }

    @Override
    public MigrationReport downgrade(int targetVersion) {
        long started = System.nanoTime();
        try (LiquibaseSession session = LiquibaseSession.open(settings)) {
            int before = ChangelogHistory.currentVersion(session.appliedVersions());
            StepRecorder recorder = StepRecorder.forDowngrade();
            if (before > targetVersion) {
                session.releaseStaleLock();
                session.rollbackToVersion(targetVersion, recorder);
            }
            int after = ChangelogHistory.currentVersion(session.appliedVersions());
            return new MigrationReport(id, before, after, recorder.steps(), elapsedSince(started), List.of());
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            throw failures.translate("roll back to version " + targetVersion, e);
        }
    }

    @Override
    public StatusReport status() {
        try (LiquibaseSession session = LiquibaseSession.open(settings)) {
            List<Integer> applied = session.appliedVersions();
            List<Integer> pending = IntStream.rangeClosed(1, ChatbotSchema.LATEST_VERSION).filter(v -> !applied.contains(v)).boxed().toList();
            return new StatusReport(id, ChangelogHistory.currentVersion(applied), applied, pending);
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            throw failures.translate("read the status", e);
        }
    }

    @Override
    public ValidationReport validate() {
        try (LiquibaseSession session = LiquibaseSession.open(settings)) {
            if (!session.hasHistory()) {
                return ValidationReport.valid(id);
            }
            try {
                session.validate();
                return ValidationReport.valid(id);
            } catch (Exception e) {
                return new ValidationReport(id, failures.validationProblems(e));
            }
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            throw failures.translate("validate", e);
        }
    }

    private static Duration elapsedSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        // every call closes its own session
    }
}
