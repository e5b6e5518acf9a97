/**
 * The PostgreSQL server every database test uses: one per test JVM ({@link dev.chatmigrate.testing.TestPostgres}),
 * chosen by {@code CHATMIGRATE_TEST_DB} (a JDBC URL, {@code testcontainers}, or unset for an embedded
 * PostgreSQL 17), with a fresh database per test ({@link dev.chatmigrate.testing.FreshDatabase}), and what tests
 * look at in it ({@link dev.chatmigrate.testing.DatabaseProbe}). The module depends on the SPI, the schema and the
 * verifier, never on {@code chatmigrate-core}, so that core's tests use it too; JUnit and AssertJ are optional
 * dependencies, brought by the tests that use them.
 */
package dev.chatmigrate.testing;
