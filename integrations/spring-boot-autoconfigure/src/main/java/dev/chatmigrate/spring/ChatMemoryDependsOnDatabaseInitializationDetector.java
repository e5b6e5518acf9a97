package dev.chatmigrate.spring;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;
import org.springframework.util.ClassUtils;

/**
 * Makes the chat memories' beans wait for the database initialization, as Spring Boot does for JPA,
 * {@code JdbcTemplate} and {@code JdbcClient}: every bean of Spring AI's {@code ChatMemoryRepository}
 * or {@code ChatMemory}, or of LangChain4j's {@code ChatMemoryStore}, {@code ChatMemory} or
 * {@code ChatMemoryProvider}, is created after {@link ChatmigrateInitializer} has migrated the schema,
 * with no annotation from the application (registered in {@code META-INF/spring.factories} under
 * {@link DependsOnDatabaseInitializationDetector}). A framework that is not on the class path is skipped.
 */
public class ChatMemoryDependsOnDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    /** The chat memory types, by name: neither framework is a dependency of the starter. */
    static final List<String> CHAT_MEMORY_TYPES = List.of(
            "org.springframework.ai.chat.memory.ChatMemoryRepository",
            "org.springframework.ai.chat.memory.ChatMemory",
            "dev.langchain4j.store.memory.chat.ChatMemoryStore",
            "dev.langchain4j.memory.ChatMemory",
            "dev.langchain4j.memory.chat.ChatMemoryProvider");

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        ClassLoader loader = ChatMemoryDependsOnDatabaseInitializationDetector.class.getClassLoader();
        Set<Class<?>> types = new LinkedHashSet<>();
        for (String name : CHAT_MEMORY_TYPES) {
            if (ClassUtils.isPresent(name, loader)) {
                types.add(ClassUtils.resolveClassName(name, loader));
            }
        }
        return types;
    }
}
