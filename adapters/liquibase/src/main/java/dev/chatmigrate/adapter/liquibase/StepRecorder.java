package dev.chatmigrate.adapter.liquibase;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.AppliedStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.ChangeSet.ExecType;
import liquibase.changelog.ChangeSet.RunStatus;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/**
 * Watches Liquibase run (or roll back) changesets and turns what it saw into report entries: one step
 * per version whose tag changeset ran (or was rolled back), timed over all of that version's
 * changesets, and one adoption note per changeset marked as ran because its object already existed.
 */
final class StepRecorder extends AbstractChangeExecListener {

    private final boolean undo;
    private final Map<Integer, Duration> timeByVersion = new HashMap<>();
    private final TreeSet<Integer> finishedVersions = new TreeSet<>();
    private final List<String> adoption = new ArrayList<>();
    private long changeSetStarted;

    private StepRecorder(boolean undo) {
        this.undo = undo;
    }

    /** A recorder for update-to-tag. */
    static StepRecorder forMigrate() {
        return new StepRecorder(false);
    }

    /** A recorder for rollback-to-tag. */
    static StepRecorder forDowngrade() {
        return new StepRecorder(true);
    }

    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database, RunStatus runStatus) {
        changeSetStarted = System.nanoTime();
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database, ExecType execType) {
        finished(changeSet);
        if (execType == ExecType.MARK_RAN) {
            String reason = changeSet.getPreconditions() == null ? null : changeSet.getPreconditions().getOnFailMessage();
            adoption.add("Liquibase marked changeset " + changeSet.getId() + " as ran without running it, because "
                    + (reason == null ? "its precondition failed" : reason) + ".");
        }
    }

    @Override
    public void willRollback(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
        changeSetStarted = System.nanoTime();
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
        finished(changeSet);
    }

    private void finished(ChangeSet changeSet) {
        Duration took = Duration.ofNanos(System.nanoTime() - changeSetStarted);
        OptionalInt version = VersionTags.versionOf(changeSet.getLabels() == null ? List.of() : changeSet.getLabels().getLabels());
        if (version.isEmpty()) {
            return;
        }
        timeByVersion.merge(version.getAsInt(), took, Duration::plus);
        if (changeSet.getChanges().stream().anyMatch(TagDatabaseChange.class::isInstance)) {
            finishedVersions.add(version.getAsInt());
        }
    }

    /** One step per version finished, in the order they ran: ascending for migrate, descending for downgrade. */
    List<AppliedStep> steps() {
        return finishedVersions.stream()
                .sorted(undo ? Comparator.reverseOrder() : Comparator.naturalOrder())
                .map(version -> new AppliedStep(version, (undo ? "undo " : "") + ChatbotSchema.describe(version),
                        timeByVersion.getOrDefault(version, Duration.ZERO)))
                .toList();
    }

    /** One sentence per changeset that was marked as ran because its object already existed. */
    List<String> adoption() {
        return List.copyOf(adoption);
    }
}
