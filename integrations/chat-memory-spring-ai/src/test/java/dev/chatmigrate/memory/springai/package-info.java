/**
 * Tests of the Spring AI chat memory on a real PostgreSQL: through {@code ChatClient} with
 * {@code MessageChatMemoryAdvisor}, and against the repository contract directly.
 */
package dev.chatmigrate.memory.springai;
