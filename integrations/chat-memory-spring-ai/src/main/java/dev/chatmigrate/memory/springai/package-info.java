/**
 * Spring AI chat memory on chatmigrate's canonical tables: {@link
 * dev.chatmigrate.memory.springai.ChatmigrateChatMemoryRepository}, a {@code ChatMemoryRepository}
 * over any {@code javax.sql.DataSource}, plain JDBC. It needs the tables at version 5
 * ({@code messages.metadata}) and creates none: a migration engine (chatmigrate) owns the schema.
 *
 * <h2>Conversation ids</h2>
 * A conversation id in UUID form is {@code conversations.id} itself, so a conversation the
 * application created (with its real {@code user_id} and {@code title}) is used as it is. Any other
 * string maps to its name-based UUID (version 5, SHA-1, namespace
 * {@code 0b82b998-a1cf-5d1a-8f04-386914e29d13}, which is {@code uuid5(NAMESPACE_URL,
 * "urn:chatmigrate:chat-memory:conversation-id")}): the same string always reaches the same row,
 * and PostgreSQL's {@code uuid_generate_v5} computes it too. The original string is not stored —
 * {@code title} is the application's and no column is meant for it — so {@code findConversationIds()}
 * lists UUID strings, each accepted by every other method. A conversation row that is missing is
 * created with the configured {@code user_id} ({@code anonymous} unless set).
 *
 * <h2>Order</h2>
 * {@code messages.created_at} is the order. Rows written by one {@code saveAll} get strictly
 * increasing timestamps one microsecond apart (PostgreSQL's resolution), starting at the
 * transaction's time or just after the newest row kept, so {@code order by created_at} is exact
 * for any number of messages, for this store and for any other reader of the table.
 *
 * <h2>Saving</h2>
 * {@code saveAll} replaces the conversation's messages in one transaction with the conversation row
 * locked ({@code insert ... on conflict do update}), so concurrent saves of one conversation queue.
 * Stored rows that already begin the new list (a window that dropped its oldest messages) are kept
 * with their id and {@code created_at}; the others are deleted and the new ones appended.
 * {@code deleteByConversationId} deletes the messages and keeps the conversation row, which the
 * application may own; {@code findConversationIds()} lists only conversations with messages.
 *
 * <h2>Message data</h2>
 * The role is the message type ({@code system}, {@code user}, {@code assistant}, {@code tool} — a
 * {@code ToolResponseMessage}); the text is {@code content}; everything else is a JSON object in
 * {@code messages.metadata}: {@code attributes} (the message's metadata without
 * {@code messageType}), {@code toolCalls} ({@code id}, {@code type}, {@code name},
 * {@code arguments}), {@code toolResponses} ({@code id}, {@code name}, {@code responseData}; the
 * tool row's {@code content} holds the response data, one per line, for other readers),
 * {@code media} ({@code mimeType}, {@code name}, {@code id}, and {@code data}, {@code url} or
 * {@code dataBase64}), and {@code textAbsent} for an assistant message whose text is {@code null}.
 * Messages come back equal to what was saved, apart from the creation time below, when their
 * metadata values are JSON values (strings, numbers, booleans, lists and maps of them); other values
 * are stored as Jackson writes them.
 *
 * <h2>Creation time and argument errors</h2>
 * As with Spring AI's {@code JdbcChatMemoryRepository}, each read message carries {@code created_at}
 * as an {@code Instant} under {@code CONVERSATION_TS} (the same key), and a message saved again with
 * it keeps that time when the order allows. A null or blank conversation id, a null list and a null
 * element are {@code IllegalArgumentException}s, as in Spring AI's own repositories.
 */
package dev.chatmigrate.memory.springai;
