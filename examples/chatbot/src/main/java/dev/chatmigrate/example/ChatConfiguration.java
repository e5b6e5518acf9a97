package dev.chatmigrate.example;

import dev.chatmigrate.memory.springai.ChatmigrateChatMemoryRepository;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The chat: a model (a provider's, or the offline echo), a chat memory on a repository, and the client that joins them. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ChatConfiguration.class);

    /** The offline model, when {@link ModelSelection} chose none. */
    @Bean
    @ConditionalOnProperty(name = "spring.ai.model.chat", havingValue = "none")
    ChatModel echoChatModel(@Value("${OPENAI_API_KEY:}") String openAiKey) {
        if (!openAiKey.isBlank()) {
            LOG.warn("OPENAI_API_KEY is set, but this jar was built without the OpenAI starter: answering with the offline echo model."
                    + " Build it with -Popenai to use OpenAI.");
        }
        return new EchoChatModel();
    }

    /**
     * The chat memory's store: the chatbot's own {@code conversations} and {@code messages} tables, which the
     * starter migrated before this bean was created (it makes every chat memory bean wait for the migration, with
     * no annotation here). Conversation ids are the rows' UUIDs; the controller creates each conversation row
     * (with its user and title) before the first chat turn.
     */
    @Bean
    ChatMemoryRepository chatMemoryRepository(DataSource dataSource, @Value("${chatmigrate.schema:public}") String schema) {
        return ChatmigrateChatMemoryRepository.builder(dataSource).schema(schema).build();
    }

    @Bean
    ChatMemory chatMemory(ChatMemoryRepository repository, @Value("${chatbot.memory-window:100}") int window) {
        return MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(window).build();
    }

    @Bean
    ChatClient chatClient(ChatModel model, ChatMemory memory) {
        return ChatClient.builder(model).defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build()).build();
    }
}
