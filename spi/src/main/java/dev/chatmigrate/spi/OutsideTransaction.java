package dev.chatmigrate.spi;

import java.util.regex.Pattern;

/**
 * Which scripts an engine runs outside a transaction, one statement at a time (docs/design.md, "Online safety"):
 * those that build or drop an index concurrently, which PostgreSQL refuses inside a transaction block, and those
 * that validate a constraint, which must not share the transaction that added it {@code not valid}: that
 * transaction's ACCESS EXCLUSIVE lock would be held through the scan.
 */
public final class OutsideTransaction {

    private static final Pattern STATEMENTS = Pattern.compile("(?i)\\b(index\\s+concurrently|validate\\s+constraint)\\b");

    private OutsideTransaction() {
    }

    /** Whether {@code sql} holds a statement that must run outside a transaction, apart from the others. */
    public static boolean requiredBy(String sql) {
        return STATEMENTS.matcher(sql).find();
    }
}
