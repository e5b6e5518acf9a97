/**
 * What applications and tools call: {@link dev.chatmigrate.core.Chatmigrate} and its fluent
 * {@link dev.chatmigrate.core.ChatmigrateConfiguration}, which reads every source of the settings that
 * {@link dev.chatmigrate.core.Setting} declares, database URLs as Neon gives them, discovery of engines by id, and the
 * {@link dev.chatmigrate.core.MigrationRunner}. What the runner does around an engine lives in the concept packages
 * below it, which never depend on this one: {@code access}, {@code adoption}, {@code history}, {@code lock} and {@code session}. See
 * {@code docs/design.md}, "Packages of core".
 */
package dev.chatmigrate.core;
