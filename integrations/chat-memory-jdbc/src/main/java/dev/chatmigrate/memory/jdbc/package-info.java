/**
 * Internal to chatmigrate's chat memory modules ({@code chat-memory-spring-ai},
 * {@code chat-memory-langchain4j}): {@link dev.chatmigrate.memory.jdbc.ChatMemoryTable}, the JDBC
 * access to the {@code conversations} and {@code messages} tables both share, on framework-neutral
 * {@link dev.chatmigrate.memory.jdbc.MessageRow}s (role, content, metadata as JSON text). Depends on
 * JDBC only, so neither framework nor its JSON library reaches a user of the other. Not an API:
 * use the framework modules.
 */
package dev.chatmigrate.memory.jdbc;
