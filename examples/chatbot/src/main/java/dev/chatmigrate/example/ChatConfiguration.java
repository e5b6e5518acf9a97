package dev.chatmigrate.example;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
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
     * Where the chat memory keeps messages.
     *
     * <p><b>SWAP AT MERGE</b>: a placeholder until {@code chatmigrate-chat-memory-spring-ai} is on main; then
     * return {@code ChatmigrateChatMemoryRepository.builder(dataSource).schema(schema).build()} (parameters
     * {@code DataSource dataSource, @Value("${chatmigrate.schema:public}") String schema}), which stores the
     * memory in the chatbot's {@code conversations} and {@code messages} tables.
     */
    @Bean
    ChatMemoryRepository chatMemoryRepository() {
        return new InMemoryChatMemoryRepository();
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
