/**
 * Not API: the JDBC access to {@code conversations}/{@code messages}, the conversation id mapping
 * and the translation between Spring AI messages and rows.
 */
package dev.chatmigrate.memory.springai.internal;
