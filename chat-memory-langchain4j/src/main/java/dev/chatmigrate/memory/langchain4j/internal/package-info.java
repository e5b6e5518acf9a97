/**
 * Not API: the JDBC access to {@code conversations}/{@code messages}, the conversation id mapping
 * and the translation between LangChain4j messages and rows.
 */
package dev.chatmigrate.memory.langchain4j.internal;
