/**
 * The Flyway engine: Flyway Community Edition with the SQL scripts in {@code db/flyway/migrations}.
 * Flyway CE has no undo, so downgrade is emulated beside it with the scripts in {@code db/flyway/undo}.
 */
package dev.chatmigrate.adapter.flyway;
