package dev.chatmigrate.spi;

import java.util.Map;

/**
 * The placeholders of the engines' scripts, with their values for the layout of {@code messages}. Only version 4 has
 * one: {@code ${concurrently}} in its {@code create index} and {@code drop index}. PostgreSQL refuses either
 * {@code concurrently} on a partitioned table, where chatmigrate has built the index per partition already (each
 * partition's index concurrently, then attached; docs/design.md, "Partitioned messages"): there the statement only
 * finds the index in place, or drops it in one brief step. A plain table gets {@code concurrently}, as before.
 */
public final class ScriptPlaceholders {

    /** The placeholder's name, as scripts write it inside {@code ${...}}. */
    public static final String CONCURRENTLY = "concurrently";

    private ScriptPlaceholders() {
    }

    /** Every placeholder with its value for a {@code messages} that is partitioned, or plain (or not there yet). */
    public static Map<String, String> values(boolean partitionedMessages) {
        return Map.of(CONCURRENTLY, partitionedMessages ? "" : "concurrently");
    }

    /** The placeholders' values for {@code settings}' schema. */
    public static Map<String, String> values(MigrationSettings settings) {
        return values(settings.partitionedMessages());
    }

    /** {@code script} with each {@code ${name}} of a placeholder replaced by its value in {@code values}, for engines that run scripts themselves. */
    public static String replaceIn(String script, Map<String, String> values) {
        String replaced = script;
        for (Map.Entry<String, String> placeholder : values.entrySet()) {
            replaced = replaced.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        return replaced;
    }
}
