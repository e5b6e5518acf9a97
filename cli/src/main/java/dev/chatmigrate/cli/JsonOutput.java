package dev.chatmigrate.cli;

import dev.chatmigrate.core.MigrationPlan;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.StandbyReplay;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.verifier.Drift;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SmokeCheck;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** The {@code --json} form of every result: one JSON document on standard output. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Step(int version, String description, long durationMs) {
    }

    /** Where a standby's replay stands against {@code referenceLsn}: the migration's last commit, or the primary's position at status. */
    record Standby(String name, String clientAddress, String state, String referenceLsn, String replayLsn, Long bytesBehind, Long replayLagMs,
                   boolean replayed) {

        static List<Standby> of(List<StandbyReplay> standbys) {
            return standbys.stream().map(s -> new Standby(s.name(), s.clientAddress(), s.state(), s.referenceLsn(), s.replayLsn(), s.bytesBehind(),
                    s.lag().map(Duration::toMillis).orElse(null), s.replayed())).toList();
        }
    }

    record Migration(String engine, String schema, int versionBefore, int versionAfter, long durationMs, List<Step> steps, List<String> adoption,
                     List<Integer> alreadyPresent, String trackedBy, String host, List<Standby> standbys) {
    }

    record Status(String engine, String schema, int currentVersion, List<Integer> applied, List<Integer> pending, boolean upToDate,
            List<String> notes, String trackedBy, Integer tablesVersion, List<Standby> standbys) {
    }

    record Difference(String table, String object, String expected, String found, String advice) {

        static Difference of(Drift drift) {
            return new Difference(drift.table(), drift.object(), drift.expected(), drift.found(), drift.advice());
        }
    }

    record Verification(String engine, String schema, int version, boolean clean, boolean canonicalObjectsMatch, List<Difference> drift,
                        List<Difference> extras, Boolean smokePassed, String smokeDetail) {
    }

    record PlannedStep(String description, String sql, String lock, boolean rewrites, boolean concurrent) {
    }

    record Plan(String engine, String schema, int target, boolean wouldSucceed, List<PlannedStep> adoption, List<String> extras,
                List<String> conversions, List<Integer> versionsToApply, boolean historyRead, List<String> conflicts,
                List<String> refusedSettings) {
    }

    record Failure(String error, int exitCode) {
    }

    private JsonOutput() {
    }

    static void migration(PrintWriter out, MigrationReport report, String schema) {
        write(out, new Migration(report.engineId(), schema, report.versionBefore(), report.versionAfter(), report.duration().toMillis(),
                report.steps().stream().map(s -> new Step(s.version(), s.description(), s.duration().toMillis())).toList(), report.adoption(),
                report.alreadyPresent(), report.trackedBy().orElse(null), report.host(), Standby.of(report.standbys())));
    }

    static void status(PrintWriter out, StatusReport status, String schema) {
        write(out, new Status(status.engineId(), schema, status.currentVersion(), status.applied(), status.pending(), status.upToDate(),
                status.notes(), status.trackedBy().orElse(null), status.tablesVersion().isPresent() ? status.tablesVersion().getAsInt() : null,
                Standby.of(status.standbys())));
    }

    static void verification(PrintWriter out, String engine, DriftReport drift, SmokeCheck.Result smoke) {
        write(out, new Verification(engine, drift.schema(), drift.version(), drift.isClean() && (smoke == null || smoke.passed()),
                drift.canonicalObjectsMatch(), drift.differences().stream().map(Difference::of).toList(),
                drift.extras().stream().map(Difference::of).toList(),
                smoke == null ? null : smoke.passed(), smoke == null ? null : smoke.detail()));
    }

    static void plan(PrintWriter out, MigrationPlan plan) {
        write(out, new Plan(plan.engineId(), plan.schema(), plan.target(), plan.wouldSucceed(),
                plan.adoption().stream().map(s -> new PlannedStep(s.description(), s.sql(), s.lock(), s.rewrites(), s.concurrent())).toList(),
                plan.extras(), plan.conversions(), plan.versionsToApply(), plan.historyRead(), plan.conflicts(), plan.refusedSettings()));
    }

    static void failure(PrintWriter out, String message, int exitCode) {
        write(out, new Failure(message, exitCode));
    }

    private static void write(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
