package dev.chatmigrate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.spi.MigrationReport;
import dev.chatmigrate.spi.StatusReport;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SmokeCheck;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The {@code --json} form of every result: one JSON document on standard output. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Step(int version, String description, long durationMs) {
    }

    record Migration(String engine, String schema, int versionBefore, int versionAfter, long durationMs, List<Step> steps, List<String> adoption) {
    }

    record Status(String engine, String schema, int currentVersion, List<Integer> applied, List<Integer> pending, boolean upToDate,
            List<String> notes) {
    }

    record Difference(String table, String object, String expected, String found) {
    }

    record Verification(String engine, String schema, int version, boolean clean, List<Difference> drift, Boolean smokePassed, String smokeDetail) {
    }

    record Failure(String error, int exitCode) {
    }

    private JsonOutput() {
    }

    static void migration(PrintWriter out, MigrationReport report, String schema) {
        write(out, new Migration(report.engineId(), schema, report.versionBefore(), report.versionAfter(), report.duration().toMillis(),
                report.steps().stream().map(s -> new Step(s.version(), s.description(), s.duration().toMillis())).toList(), report.adoption()));
    }

    static void status(PrintWriter out, StatusReport status, String schema) {
        write(out, new Status(status.engineId(), schema, status.currentVersion(), status.applied(), status.pending(), status.upToDate(),
                status.notes()));
    }

    static void verification(PrintWriter out, String engine, DriftReport drift, SmokeCheck.Result smoke) {
        write(out, new Verification(engine, drift.schema(), drift.version(), drift.isClean() && (smoke == null || smoke.passed()),
                drift.drifts().stream().map(d -> new Difference(d.table(), d.object(), d.expected(), d.found())).toList(),
                smoke == null ? null : smoke.passed(), smoke == null ? null : smoke.detail()));
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
