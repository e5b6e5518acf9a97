package dev.chatmigrate.testing.orm;

import dev.chatmigrate.testing.TestDatabase;

/**
 * A Spring Boot application's database as Hibernate ORM 6.6 makes it: the JPA entities of
 * {@link dev.chatmigrate.testing.orm.jpa} ({@code Instant} timestamps, {@code @Enumerated(STRING)} role,
 * {@code columnDefinition = "text"} content, a {@code @ManyToOne} without cascade), tables made by Hibernate's schema
 * tool ({@code hibernate.hbm2ddl.auto=update}, Spring Boot's {@code CamelCaseToUnderscoresNamingStrategy}),
 * rows written through a {@code Session}. Bootstrapped without Spring.
 *
 * <p>Hibernate is an optional dependency of test support: a module that uses this fixture adds
 * {@code org.hibernate.orm:hibernate-core} at test scope, and keeps Hibernate's start-up messages (INFO, through
 * jboss-logging to SLF4J) out of its test output with {@code <logger name="org.hibernate" level="WARN"/>} in its
 * {@code logback-test.xml}.
 */
public final class HibernateDatabase {

    private HibernateDatabase() {
    }

    /**
     * Makes the tables in {@code database}'s {@code public} schema and writes a few conversations with their messages.
     *
     * @return the rows as the application wrote them
     */
    public static OrmRows create(TestDatabase database, IdKind ids) {
        try {
            Class.forName("org.hibernate.cfg.Configuration", false, HibernateDatabase.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Expected Hibernate ORM on the class path, found none: add org.hibernate.orm:hibernate-core"
                    + " at test scope to this module's pom (its version is managed by the parent pom)", e);
        }
        return HibernateApplication.run(database.database(), ids);
    }
}
