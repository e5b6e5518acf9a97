package dev.chatmigrate.memory.langchain4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatmigrate.memory.jdbc.ChatMemoryBuilder;
import dev.chatmigrate.memory.jdbc.ChatMemoryTable;
import dev.chatmigrate.memory.langchain4j.internal.LangChain4jMessages;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A LangChain4j {@link ChatMemoryStore} on chatmigrate's {@code conversations} and {@code messages}
 * tables, which a migration engine has created; this class creates no table.
 *
 * <pre>{@code
 * ChatMemoryStore store = ChatmigrateChatMemoryStore.builder(dataSource).schema("chatbot").build();
 * ChatMemory memory = MessageWindowChatMemory.builder().id(conversationId).maxMessages(20).chatMemoryStore(store).build();
 * }</pre>
 *
 * A memory id is used as its string ({@link String#valueOf(Object)}). See the package documentation
 * for how conversation ids, order and message data are stored.
 */
public final class ChatmigrateChatMemoryStore implements ChatMemoryStore {

    /** The {@code conversations.user_id} of conversations this store creates, unless configured. */
    public static final String DEFAULT_USER_ID = ChatMemoryBuilder.DEFAULT_USER_ID;

    private final Function<String, String> userIdForConversation;
    private final ChatMemoryTable table;
    private final LangChain4jMessages messages;

    private ChatmigrateChatMemoryStore(LangChain4jMessages messages, ChatMemoryTable table, Function<String, String> userIdForConversation) {
        this.messages = messages;
        this.table = table;
        this.userIdForConversation = userIdForConversation;
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return table.read(conversationId(memoryId)).stream().map(messages::toMessage).toList();
    }

    /** Replaces the conversation's messages in one transaction, creating its row if missing. */
    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> newMessages) {
        table.replace(conversationId(memoryId), newMessages, messages::toRow, userIdForConversation);
    }

    /** Deletes the conversation's messages; its {@code conversations} row, which the application may own, stays. */
    @Override
    public void deleteMessages(Object memoryId) {
        table.delete(conversationId(memoryId));
    }

    private static String conversationId(Object memoryId) {
        if (memoryId == null) {
            throw new IllegalArgumentException("Expected a memory id (a UUID or any string with text), found null.");
        }
        return String.valueOf(memoryId);
    }

    /** Configures a {@link ChatmigrateChatMemoryStore}; only the data source is required. */
    public static final class Builder extends ChatMemoryBuilder<Builder> {

        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        public ChatmigrateChatMemoryStore build() {
            LangChain4jMessages messages = new LangChain4jMessages(new ObjectMapper());
            return new ChatmigrateChatMemoryStore(messages, table(messages::metadataValue, ChatMemoryStorageException::new), userIdForConversation());
        }
    }
}
