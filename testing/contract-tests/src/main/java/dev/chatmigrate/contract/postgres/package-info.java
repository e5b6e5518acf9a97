/**
 * The PostgreSQL server every database test uses: one per test JVM, chosen by
 * {@code CHATMIGRATE_TEST_DB} (a JDBC URL, {@code testcontainers}, or unset for an embedded
 * PostgreSQL 17), with a fresh database per test.
 */
package dev.chatmigrate.contract.postgres;
