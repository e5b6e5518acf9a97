/**
 * Databases made the way users' tools make them, for the adoption tests: {@link dev.chatmigrate.testing.orm.AlembicDatabase}
 * (the seed chatbot's SQLModel models, tables by real Alembic, rows through SQLAlchemy) and
 * {@link dev.chatmigrate.testing.orm.HibernateDatabase} (JPA entities as a Spring Boot application writes them,
 * tables by Hibernate's schema tool, rows through an {@code EntityManager}), each with uuid or integer ids
 * ({@link dev.chatmigrate.testing.orm.IdKind}). {@link dev.chatmigrate.testing.orm.OrmRows} is what the ORM wrote,
 * and what the tables hold, read back with plain JDBC before or after adoption.
 */
package dev.chatmigrate.testing.orm;
