-- ChatMemoryBeansWaitTest: a table of the application's own, in its own schema, migrated by Spring Boot's Flyway.
create table notes (id bigint primary key, body text not null);
