/**
 * JPA entities of the chatbot as a typical Spring Boot application writes them, for
 * {@link dev.chatmigrate.testing.orm.HibernateDatabase}: one set with {@code UUID} ids ({@code uuid}), one with
 * {@code IDENTITY} {@code Long} ids ({@code identity}); the same {@link dev.chatmigrate.testing.orm.jpa.Role}, and
 * the two views the fixture reads them through.
 */
package dev.chatmigrate.testing.orm.jpa;
