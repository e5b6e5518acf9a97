package dev.chatmigrate.adapter.mybatis;

import dev.chatmigrate.schema.ChatbotSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.ibatis.migration.Change;

/**
 * What the MyBatis changelog records, next to the scripts this adapter has, and what that means in
 * chatmigrate versions. MyBatis id {@code N} is version {@code N}; id {@code 0} only creates the changelog.
 *
 * @param recorded the ids in the changelog, with their descriptions
 * @param scripts  the scripts by id
 */
record Changelog(NavigableMap<BigDecimal, String> recorded, NavigableMap<BigDecimal, Change> scripts) {

    Changelog {
        recorded = Collections.unmodifiableNavigableMap(new TreeMap<>(recorded));
        scripts = Collections.unmodifiableNavigableMap(new TreeMap<>(scripts));
    }

    /** The changelog as MyBatis's {@code StatusOperation} reports it: every change, applied or pending. */
    static Changelog of(List<Change> status, List<Change> scripts) {
        NavigableMap<BigDecimal, String> recorded = new TreeMap<>();
        status.stream().filter(change -> change.getAppliedTimestamp() != null).forEach(change -> recorded.put(change.getId(), change.getDescription()));
        NavigableMap<BigDecimal, Change> byId = new TreeMap<>();
        scripts.forEach(script -> byId.put(script.getId(), script));
        return new Changelog(recorded, byId);
    }

    /** Whether MyBatis has recorded nothing yet, not even the creation of its changelog. */
    boolean isEmpty() {
        return recorded.isEmpty();
    }

    /** The highest chatmigrate version recorded, {@code 0} when none is. */
    int currentVersion() {
        List<Integer> applied = appliedVersions();
        return applied.isEmpty() ? 0 : applied.get(applied.size() - 1);
    }

    /** The chatmigrate versions recorded, ascending. */
    List<Integer> appliedVersions() {
        return IntStream.rangeClosed(1, ChatbotSchema.LATEST_VERSION).filter(v -> recorded.containsKey(id(v))).boxed().toList();
    }

    /** The chatmigrate versions not recorded, ascending. */
    List<Integer> pendingVersions() {
        return IntStream.rangeClosed(1, ChatbotSchema.LATEST_VERSION).filter(v -> !recorded.containsKey(id(v))).boxed().toList();
    }

    /**
     * The scripts MyBatis's {@code up} applies next, in order, up to {@code targetVersion}: those newer than
     * the newest recorded id (MyBatis never applies a script older than that).
     */
    List<Change> pendingUpTo(int targetVersion) {
        return scripts.values().stream()
                .filter(script -> recorded.isEmpty() || script.getId().compareTo(recorded.lastKey()) > 0)
                .filter(script -> script.getId().compareTo(id(targetVersion)) <= 0)
                .toList();
    }

    /** The script MyBatis's {@code down} undoes next: the one of the newest recorded id, if there is one. */
    Optional<Change> newestScript() {
        return recorded.isEmpty() ? Optional.empty() : Optional.ofNullable(scripts.get(recorded.lastKey()));
    }

    /** Whether the newest recorded id is above {@code version}: {@code down} has something to undo. */
    boolean recordsAbove(int version) {
        return !recorded.isEmpty() && recorded.lastKey().compareTo(id(version)) > 0;
    }

    /** One sentence per inconsistency between the changelog and the scripts; empty when there is none. */
    List<String> problems(String table) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<BigDecimal, String> row : recorded.entrySet()) {
            if (!scripts.containsKey(row.getKey())) {
                problems.add(table + " records id " + row.getKey() + " ('" + row.getValue() + "') but there is no script with that id:"
                        + " it was applied by a newer chatmigrate or by hand. MyBatis applies nothing older than the newest recorded id;"
                        + " delete that row if the change is gone, or run the chatmigrate that has the script.");
            }
        }
        if (!recorded.isEmpty()) {
            for (Change script : scripts.headMap(recorded.lastKey(), false).values()) {
                if (!recorded.containsKey(script.getId())) {
                    problems.add(table + " does not record id " + script.getId() + " (" + script.getFilename() + ") although it records the newer id "
                            + recorded.lastKey() + ": MyBatis will never apply it. Downgrade below " + script.getId() + " and migrate again.");
                }
            }
        }
        return problems;
    }

    /** The chatmigrate version of MyBatis id {@code id}. */
    static int version(BigDecimal id) {
        return id.intValueExact();
    }

    private static BigDecimal id(int version) {
        return BigDecimal.valueOf(version);
    }
}
