/**
 * The canonical chatbot schema, declared once ({@link dev.chatmigrate.schema.ChatbotSchema}); everything
 * else in chatmigrate derives its knowledge of versions, tables, columns, constraints and indexes from
 * it. Depends on nothing but the JDK.
 */
package dev.chatmigrate.schema;
