package dev.chatmigrate.spi;

import java.util.regex.Pattern;

/**
 * Which scripts an engine runs outside a transaction, one statement at a time (docs/design.md, "Online safety"):
 * those that build or drop an index concurrently, which PostgreSQL refuses inside a transaction block, and those
 * that validate a constraint, which must not share the transaction that added it {@code not valid}: that
 * transaction's ACCESS EXCLUSIVE lock would be held through the scan. A script read before its placeholders are
 * replaced counts {@code index ${concurrently}} as concurrent ({@link ScriptPlaceholders}): so it is on a plain
 * {@code messages}, and on a partitioned one the statement does no work that a transaction would hold up.
 */
public final class OutsideTransaction {

    private static final Pattern STATEMENTS = Pattern.compile(
            "(?i)\\bindex\\s+(concurrently\\b|\\$\\{" + ScriptPlaceholders.CONCURRENTLY + "})|\\bvalidate\\s+constraint\\b");

    private OutsideTransaction() {
    }

    /** Whether {@code sql} holds a statement that must run outside a transaction, apart from the others. */
    public static boolean requiredBy(String sql) {
        return STATEMENTS.matcher(sql).find();
    }
}
