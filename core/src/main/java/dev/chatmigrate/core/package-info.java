/**
 * What applications and tools call: {@link dev.chatmigrate.core.Chatmigrate} and its fluent
 * {@link dev.chatmigrate.core.ChatmigrateConfiguration}, which reads every source of the settings that
 * {@link dev.chatmigrate.core.Setting} declares, database URLs as
 * Neon gives them, discovery of engines by id, and the {@link dev.chatmigrate.core.MigrationRunner}. What the
 * runner does around an engine lives in {@code internal}, which is not API. See {@code docs/design.md}.
 */
package dev.chatmigrate.core;
