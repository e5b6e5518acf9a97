/**
 * Tests of {@code chatmigrate partition}, the online conversion of a plain {@code messages} into a partitioned one: the
 * real command as a process against a real PostgreSQL, with a chatbot writing meanwhile, killed and resumed.
 */
package dev.chatmigrate.integration.partition;
