/**
 * The Liquibase engine: Liquibase 4.33 (the last Apache-2.0 line) with the YAML changelog in
 * {@code db/liquibase}. Versions are tagged changesets, so migrate is update-to-tag and downgrade is
 * Liquibase's own rollback to a tag. Liquibase runs offline (no usage analytics), quietly (nothing on
 * stdout; its log goes to slf4j), and a lock row left by a dead process is released, because the
 * chatmigrate advisory lock is what serialises migrators.
 */
package dev.chatmigrate.adapter.liquibase;
