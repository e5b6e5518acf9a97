package dev.chatmigrate.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.memory.springai.ChatmigrateChatMemoryRepository;
import dev.chatmigrate.schema.ChatbotSchema;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The route that works on Spring Boot 3.5 + Spring AI 1.1, as integrations/spring-boot-starter/README.md
 * shows it: no starter; the core API migrates the application's DataSource in a bean the chat memory
 * depends on; a bean reads the memory during start-up on a fresh database. Run without the starter
 * and the Spring Boot 4 modules on the class path (this module's second surefire execution).
 */
class CoreApiOnSpringBoot3Test {

    @FreshDatabase
    TestDatabase database;

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

        /** Migrates before any bean that takes it, or is marked {@code @DependsOn("chatmigrate")}, is created. */
        @Bean
        Chatmigrate chatmigrate(DataSource dataSource) {
            Chatmigrate chatmigrate = Chatmigrate.configure().engine("flyway").dataSource(dataSource).load();
            chatmigrate.migrate();
            return chatmigrate;
        }

        @Bean
        ChatMemoryRepository chatMemoryRepository(DataSource dataSource, Chatmigrate migrated) {
            return ChatmigrateChatMemoryRepository.builder(dataSource).build();
        }

        @Bean
        ChatMemory chatMemory(ChatMemoryRepository repository) {
            return MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(20).build();
        }

        @Bean
        StartupReader startupReader(ChatMemory memory) {
            return new StartupReader(memory.get("warm-up").size());
        }
    }

    record StartupReader(int messages) {
    }

    @Test
    @DisplayName("a Spring Boot 3.5 application migrates with the core API and keeps Spring AI 1.1's chat memory in the chatbot's tables")
    void coreApiRoute() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + database.database().jdbcUrl(), "spring.datasource.username=" + database.database().user(),
                        "spring.datasource.password=" + database.database().password(), "spring.flyway.enabled=false",
                        "spring.liquibase.enabled=false");

        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
            assertThat(context.getBean(StartupReader.class).messages()).isZero();
            assertThat(context.getBean(Chatmigrate.class).status().currentVersion()).isEqualTo(ChatbotSchema.LATEST_VERSION);

            ChatMemory memory = context.getBean(ChatMemory.class);
            memory.add("trip", List.of(new UserMessage("Lisbon?"), new AssistantMessage("21 °C.")));
            memory.add("trip", new UserMessage("Thanks!"));

            List<Message> stored = context.getBean(ChatMemoryRepository.class).findByConversationId("trip");
            assertThat(stored).extracting(Message::getText).containsExactly("Lisbon?", "21 °C.", "Thanks!");
            assertThat(stored).allSatisfy(message ->
                    assertThat(message.getMetadata().get(ChatmigrateChatMemoryRepository.CONVERSATION_TS)).isInstanceOf(Instant.class));
        }
    }
}
