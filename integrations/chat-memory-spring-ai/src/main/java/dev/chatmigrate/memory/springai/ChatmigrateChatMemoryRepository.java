package dev.chatmigrate.memory.springai;

import dev.chatmigrate.memory.jdbc.ChatMemoryBuilder;
import dev.chatmigrate.memory.jdbc.ChatMemoryTable;
import dev.chatmigrate.memory.springai.internal.SpringAiMessages;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.messages.Message;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring AI {@link ChatMemoryRepository} on chatmigrate's {@code conversations} and
 * {@code messages} tables, which a migration engine has created; this class creates no table.
 *
 * <pre>{@code
 * ChatMemoryRepository repository = ChatmigrateChatMemoryRepository.builder(dataSource).schema("chatbot").build();
 * ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(repository).build();
 * }</pre>
 *
 * See the package documentation for how conversation ids, order and message data are stored.
 */
public final class ChatmigrateChatMemoryRepository implements ChatMemoryRepository {

    /**
     * The metadata key of each read message's creation time ({@code messages.created_at}, an {@link java.time.Instant}):
     * the same key as Spring AI's {@code JdbcChatMemoryRepository.CONVERSATION_TS}, so code written for that
     * repository reads it unchanged. A message saved again with it keeps that time (see docs/chat-memory.md).
     */
    public static final String CONVERSATION_TS = SpringAiMessages.CONVERSATION_TS;

    /** The {@code conversations.user_id} of conversations this repository creates, unless configured. */
    public static final String DEFAULT_USER_ID = ChatMemoryBuilder.DEFAULT_USER_ID;

    private final Function<String, String> userIdForConversation;
    private final ChatMemoryTable table;
    private final SpringAiMessages messages;

    private ChatmigrateChatMemoryRepository(SpringAiMessages messages, ChatMemoryTable table, Function<String, String> userIdForConversation) {
        this.messages = messages;
        this.table = table;
        this.userIdForConversation = userIdForConversation;
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The ids of conversations that have messages, as UUID strings (see the package documentation). */
    @Override
    public List<String> findConversationIds() {
        return table.conversationIds();
    }

    @Override
    public List<Message> findByConversationId(String conversationId) {
        return table.read(conversationId).stream().map(messages::toMessage).toList();
    }

    /**
     * Replaces the conversation's messages in one transaction, creating its row if missing.
     *
     * @throws IllegalArgumentException when the conversation id is blank, or {@code newMessages} is null or holds a null,
     *     as Spring AI's own repositories do
     */
    @Override
    public void saveAll(String conversationId, List<Message> newMessages) {
        table.replace(conversationId, newMessages, messages::toRow, userIdForConversation);
    }

    /** Deletes the conversation's messages; its {@code conversations} row, which the application may own, stays. */
    @Override
    public void deleteByConversationId(String conversationId) {
        table.delete(conversationId);
    }

    /** Configures a {@link ChatmigrateChatMemoryRepository}; only the data source is required. */
    public static final class Builder extends ChatMemoryBuilder<Builder> {

        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        public ChatmigrateChatMemoryRepository build() {
            SpringAiMessages messages = new SpringAiMessages(JsonMapper.builder().build());
            return new ChatmigrateChatMemoryRepository(messages, table(messages::metadataValue, ChatMemoryStorageException::new), userIdForConversation());
        }
    }
}
