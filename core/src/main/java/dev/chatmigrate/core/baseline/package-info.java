/**
 * The {@code jdbc} raw-DDL baseline: the canonical scripts run through plain JDBC, one history row per
 * version. The smallest engine that fulfils the contract, and what the real engines are measured
 * against; not registered for discovery, so users select Flyway, Liquibase or MyBatis.
 */
package dev.chatmigrate.core.baseline;
