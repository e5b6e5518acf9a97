/**
 * The application's own Flyway (Spring Boot's), beside chatmigrate in the same schema: the one place of the starter
 * that uses Flyway's configuration API, and only to let the application's Flyway start on a schema holding nothing but
 * chatmigrate's tables. chatmigrate's own migrations never go through here (they go through core). See
 * docs/design.md, "Shared databases".
 */
package dev.chatmigrate.spring.bootflyway;
