package dev.chatmigrate.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * Tells Spring Boot that a {@link ChatmigrateInitializer} initializes the database, so that beans
 * which depend on database initialization wait for it (registered in {@code META-INF/spring.factories}
 * under {@link DatabaseInitializerDetector}). Ordered before Spring Boot's own detectors (Flyway's and Liquibase's, orders 0
 * and 1): their beans then wait for chatmigrate, which carries an earlier release's history away from their default
 * table names and builds the chatbot tables before they look at the schema (docs/design.md, "Shared databases").
 */
public class ChatmigrateDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    /** Before Spring Boot's detectors, whose orders are 0 and 1. */
    static final int ORDER = -1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(ChatmigrateInitializer.class);
    }
}
