/** The chatbot's JPA entities with {@code Long} ids from an identity column (`@GeneratedValue(strategy = IDENTITY)`). */
package dev.chatmigrate.testing.orm.jpa.identity;
