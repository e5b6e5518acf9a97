/**
 * Not API: the translation between LangChain4j messages and the rows of {@code chat-memory-jdbc}'s
 * {@code ChatMemoryTable}, which holds the JDBC access, the conversation id mapping and the order.
 */
package dev.chatmigrate.memory.langchain4j.internal;
