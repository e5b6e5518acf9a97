/** The chatbot's JPA entities with {@code Long} ids from an identity column (`@GeneratedValue(strategy = IDENTITY)`). */
package dev.chatmigrate.contract.orm.jpa.identity;
