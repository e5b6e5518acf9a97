/**
 * Reliability tests: real {@code java -jar chatmigrate.jar} processes against a real PostgreSQL — replicas
 * racing, hostile input, a held lock, an outage at start, a crash mid-migration, a transaction pooler, a failover
 * of a real pg_auto_failover formation ({@link dev.chatmigrate.integration.reliability.cluster}) — each
 * proving that no row is lost and nothing stays stuck; and the schema every engine leaves from every state,
 * compared byte for byte with {@code pg_dump}. Tests that take long run for every engine only under
 * the {@code reliability} Maven profile ({@link dev.chatmigrate.integration.reliability.Engines#slow()}).
 */
package dev.chatmigrate.integration.reliability;
