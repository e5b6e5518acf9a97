/**
 * The {@code jdbc} raw-DDL baseline: the canonical scripts run through plain JDBC, one history row per
 * version. The smallest engine that fulfils the contract, and what the real engines are measured
 * against; discovered as a baseline ({@code MigrationEngineProvider.isBaseline()}), so that {@code compare}, the
 * benchmarks and the tests find it by id while users select Flyway, Liquibase or MyBatis.
 */
package dev.chatmigrate.core.baseline;
