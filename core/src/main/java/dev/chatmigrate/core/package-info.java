/**
 * What applications and tools call: {@link dev.chatmigrate.core.Chatmigrate} and its fluent
 * {@link dev.chatmigrate.core.ChatmigrateConfiguration}, the settings and their sources
 * ({@link dev.chatmigrate.core.MigrationConfiguration}, {@link dev.chatmigrate.core.Setting}), database URLs as
 * Neon gives them, discovery of engines by id, and the {@link dev.chatmigrate.core.MigrationRunner}. What the runner
 * does around an engine lives in the concept packages below it, which never depend on this one: {@code adoption},
 * {@code history}, {@code lock} and {@code session}. See {@code docs/design.md}, "Packages of core".
 */
package dev.chatmigrate.core;
