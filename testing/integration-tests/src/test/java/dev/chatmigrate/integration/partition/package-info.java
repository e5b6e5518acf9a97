/**
 * Tests of a partitioned {@code messages}: {@code chatmigrate partition}, the online conversion of a plain one (the real
 * command as a process against a real PostgreSQL, with a chatbot writing meanwhile, killed and resumed), and every
 * engine's version steps, downgrade and verify on one partitioned by the conversion, by hand or by pg_partman.
 */
package dev.chatmigrate.integration.partition;
