/**
 * LangChain4j chat memory on chatmigrate's canonical tables: {@link
 * dev.chatmigrate.memory.langchain4j.ChatmigrateChatMemoryStore}, a {@code ChatMemoryStore} over
 * any {@code javax.sql.DataSource}, plain JDBC. It needs the tables at version 5
 * ({@code messages.metadata}) and creates none: a migration engine (chatmigrate) owns the schema.
 *
 * <h2>Conversation ids</h2>
 * A memory id is used as its string ({@code String.valueOf}). One in UUID form (a
 * {@code java.util.UUID} too) is {@code conversations.id} itself, so a conversation the application
 * created (with its real {@code user_id} and {@code title}) is used as it is. Any other string maps
 * to its name-based UUID (version 5, SHA-1, namespace {@code 0b82b998-a1cf-5d1a-8f04-386914e29d13},
 * which is {@code uuid5(NAMESPACE_URL, "urn:chatmigrate:chat-memory:conversation-id")}) — the same
 * mapping as the Spring AI repository. The original string is not stored: {@code title} is the
 * application's. A conversation row that is missing is created with the configured
 * {@code user_id} ({@code anonymous} unless set).
 *
 * <h2>Order</h2>
 * {@code messages.created_at} is the order. Rows written by one {@code updateMessages} get strictly
 * increasing timestamps one microsecond apart, starting at the transaction's time or just after the
 * newest row kept, so {@code order by created_at} is exact for any number of messages.
 *
 * <h2>Saving</h2>
 * {@code updateMessages} replaces the conversation's messages in one transaction with the
 * conversation row locked. Stored rows that already begin the new list (a window that dropped its
 * oldest messages) are kept with their id and {@code created_at}; the others are deleted and the new
 * ones appended. {@code deleteMessages} deletes the messages and keeps the conversation row.
 *
 * <h2>Message data</h2>
 * The role follows the message type ({@code SystemMessage} system, {@code UserMessage} user,
 * {@code AiMessage} assistant, {@code ToolExecutionResultMessage} tool; a {@code CustomMessage} is
 * refused); the text is {@code content}; every other field of LangChain4j's own JSON form of the
 * message ({@code ChatMessageSerializer}) stays in {@code messages.metadata} under its LangChain4j
 * name: {@code toolExecutionRequests} ({@code id}, {@code name}, {@code arguments}),
 * {@code thinking}, {@code attributes}, {@code name}, {@code id}, {@code toolName}, {@code isError},
 * and {@code contents} when a message is more than one text (an image, several parts;
 * {@code content} then holds its texts). {@code textAbsent} marks an AI message without text.
 * Messages are read back through LangChain4j's own deserializer and equal what was saved.
 */
package dev.chatmigrate.memory.langchain4j;
