package dev.chatmigrate.spring;

import static dev.chatmigrate.spring.SpringTestDatabase.dataSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.memory.langchain4j.ChatmigrateChatMemoryStore;
import dev.chatmigrate.memory.springai.ChatmigrateChatMemoryRepository;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chat memory beans declared as docs/chat-memory.md shows, without {@code @DependsOnDatabaseInitialization},
 * read by another bean while the context starts on a fresh database: they work only if the migration ran first.
 */
class ChatMemoryBeansWaitTest {

    @FreshDatabase
    private TestDatabase database;

    private ApplicationContextRunner contexts() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, ChatmigrateAutoConfiguration.class))
                .withPropertyValues(dataSource(database));
    }

    /** Reads a conversation in its constructor, as a start-up cache warmer would. */
    record StartupReader(int messages) {
    }

    @Configuration(proxyBeanMethods = false)
    static class SpringAiMemory {

        @Bean
        ChatMemoryRepository chatMemoryRepository(DataSource dataSource) {
            return ChatmigrateChatMemoryRepository.builder(dataSource).build();
        }

        @Bean
        StartupReader startupReader(ChatMemoryRepository repository) {
            return new StartupReader(repository.findByConversationId("warm-up").size());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LangChain4jMemory {

        @Bean
        ChatMemoryStore chatMemoryStore(DataSource dataSource) {
            return ChatmigrateChatMemoryStore.builder(dataSource).build();
        }

        @Bean
        StartupReader startupReader(ChatMemoryStore store) {
            return new StartupReader(store.getMessages("warm-up").size());
        }
    }

    /** The same read on the bare DataSource, which no detector makes wait: proves the test can fail. */
    @Configuration(proxyBeanMethods = false)
    static class BareDataSourceReader {

        @Bean
        StartupReader startupReader(DataSource dataSource) throws Exception {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeQuery("select count(*) from messages");
            }
            return new StartupReader(0);
        }
    }

    @Test
    @DisplayName("a Spring AI ChatMemoryRepository bean read during start-up on a fresh database is created after the migration")
    void springAiRepositoryWaits() {
        contexts().withUserConfiguration(SpringAiMemory.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(StartupReader.class).messages()).isZero();
        });
    }

    @Test
    @DisplayName("a LangChain4j ChatMemoryStore bean read during start-up on a fresh database is created after the migration")
    void langChain4jStoreWaits() {
        contexts().withUserConfiguration(LangChain4jMemory.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(StartupReader.class).messages()).isZero();
        });
    }

    @Test
    @DisplayName("beside Spring Boot's own Flyway migrating the application's tables, the chat memory read at start-up finds both")
    void besideSpringBootsFlyway() {
        contexts().withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues("spring.flyway.enabled=true", "spring.flyway.schemas=app", "spring.flyway.locations=classpath:db/app-migration")
                .withUserConfiguration(SpringAiMemory.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(StartupReader.class).messages()).isZero();
                    assertThat(SpringTestDatabase.exists(database, "app.notes")).isTrue();
                    assertThat(SpringTestDatabase.exists(database, "public.messages")).isTrue();
                });
    }

    @Test
    @DisplayName("a bean the detectors do not know (the bare DataSource) reading at start-up meets a database without the tables")
    void unknownBeanDoesNotWait() {
        contexts().withUserConfiguration(BareDataSourceReader.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("relation \"messages\" does not exist");
        });
    }
}
