/**
 * Spring Boot auto-configuration for chatmigrate: {@code chatmigrate.*} properties, a migration that
 * runs before anything uses the database, failure analysis, Spring Boot's own Flyway and Liquibase beside
 * chatmigrate (off only when the application has no migrations of its own; see {@code bootflyway}), a check of the engine libraries' versions, and actuator health and info.
 */
package dev.chatmigrate.spring;
