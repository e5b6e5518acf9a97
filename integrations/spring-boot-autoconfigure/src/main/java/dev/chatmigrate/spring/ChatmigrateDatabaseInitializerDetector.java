package dev.chatmigrate.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * Tells Spring Boot that a {@link ChatmigrateInitializer} initializes the database, so that beans
 * which depend on database initialization wait for it (registered in {@code META-INF/spring.factories}
 * under {@link DatabaseInitializerDetector}).
 */
public class ChatmigrateDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(ChatmigrateInitializer.class);
    }
}
