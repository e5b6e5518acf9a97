/**
 * Tests of the LangChain4j chat memory on a real PostgreSQL: through {@code AiServices} and
 * {@code MessageWindowChatMemory}, and against the store contract directly.
 */
package dev.chatmigrate.memory.langchain4j;
