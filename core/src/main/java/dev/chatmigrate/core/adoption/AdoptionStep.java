package dev.chatmigrate.core.adoption;

import java.util.Objects;

/**
 * One change adoption makes, as {@code chatmigrate plan} shows it and {@code migrate} runs it.
 *
 * @param description what changes, in one sentence, such as {@code renamed constraint conversations_pkey to pk_conversations}
 * @param sql         the statements, separated by {@code ;}
 * @param lock        the table lock it takes and for what, such as {@code ACCESS EXCLUSIVE on messages, brief}; inside
 *                    adoption's one transaction every lock is held until it commits
 * @param rewrites    whether PostgreSQL rewrites the table (every row copied, indexes rebuilt)
 * @param concurrent  whether it runs after the transaction, without one ({@code create index concurrently})
 */
public record AdoptionStep(String description, String sql, String lock, boolean rewrites, boolean concurrent) {

    public AdoptionStep {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(lock, "lock");
    }

    /** A step inside adoption's transaction. */
    public static AdoptionStep of(String description, String sql, String lock, boolean rewrites) {
        return new AdoptionStep(description, sql, lock, rewrites, false);
    }
}
