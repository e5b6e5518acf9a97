package dev.chatmigrate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.core.partition.PartitionPlan;
import dev.chatmigrate.core.partition.PartitionReport;
import dev.chatmigrate.core.partition.PartitionStep;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** What {@code chatmigrate partition} prints: its plan or its report, as text or, with {@code --json}, as one JSON document. */
final class PartitionOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Plan(String schema, String layout, boolean alreadyPartitioned, String resumes, boolean wouldSucceed, List<PartitionStep> steps,
                List<String> refusals) {
    }

    record Report(String schema, String layout, boolean alreadyPartitioned, boolean resumed, int partitions, long rowsCopied,
                  long changesReplayed, long swapLockMs, String keptTable, long durationMs) {
    }

    private PartitionOutput() {
    }

    static void plan(ChatmigrateCommand root, PartitionPlan plan) {
        if (root.json) {
            write(root.out(), new Plan(plan.schema(), plan.layout().describe(), plan.alreadyPartitioned(), plan.resumes().orElse(null),
                    plan.wouldSucceed(), plan.steps(), plan.refusals()));
            return;
        }
        PrintWriter out = root.out();
        out.printf("partition: plan for messages in schema %s, %s (nothing has been changed)%n", plan.schema(), plan.layout().describe());
        if (plan.alreadyPartitioned()) {
            out.println("messages is partitioned already: nothing to do");
            return;
        }
        plan.resumes().ifPresent(begun -> out.println("resumes the conversion to " + begun + " begun earlier: its setup is done"));
        int number = 1;
        for (PartitionStep step : plan.steps()) {
            out.printf("  %d. %s%n", number++, step.description());
            step.statements().forEach(sql -> out.println("     sql:  " + sql.replace("\n", "\n           ")));
            out.println("     lock: " + step.lock());
        }
        if (plan.wouldSucceed()) {
            out.println("partition would run");
        } else {
            out.println("partition would refuse and change nothing:");
            plan.refusals().forEach(refusal -> out.println("  - " + refusal));
        }
    }

    static void report(ChatmigrateCommand root, PartitionReport report) {
        if (root.json) {
            write(root.out(), new Report(report.schema(), report.layout(), report.alreadyPartitioned(), report.resumed(), report.partitions(),
                    report.rowsCopied(), report.changesReplayed(), report.swapLock().toMillis(), report.keptTable().orElse(null),
                    report.duration().toMillis()));
            return;
        }
        PrintWriter out = root.out();
        if (report.alreadyPartitioned()) {
            out.printf("partition: messages in schema %s is partitioned already (%s, %d partitions); nothing to do%n", report.schema(),
                    report.layout(), report.partitions());
            return;
        }
        out.printf("partition: messages in schema %s is partitioned by %s (%d partitions)%s in %d ms%n", report.schema(), report.layout(),
                report.partitions(), report.resumed() ? ", finishing an earlier run," : "", report.duration().toMillis());
        out.printf("  %d rows copied, %d captured changes replayed, messages locked %d ms for the swap%n", report.rowsCopied(),
                report.changesReplayed(), report.swapLock().toMillis());
        out.println("  " + report.keptTable().map(kept -> "the plain table is kept as " + kept + " (drop it when no longer needed)")
                .orElse("the plain table was dropped"));
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
