/**
 * JMH benchmarks of chatmigrate's engines ({@code jdbc} raw-DDL baseline, {@code flyway},
 * {@code liquibase}, {@code mybatis}): the first migrate in a fresh JVM ({@link
 * dev.chatmigrate.benchmarks.ColdMigrateBenchmark}), a migrate in a warmed JVM ({@link
 * dev.chatmigrate.benchmarks.WarmMigrateBenchmark}), the whole {@code chatmigrate migrate} process
 * ({@link dev.chatmigrate.benchmarks.WholeProcessBenchmark}, beside {@link
 * dev.chatmigrate.benchmarks.JvmStartBenchmark}), and version 4's concurrent index build on a large
 * {@code messages} table while a writer inserts ({@link dev.chatmigrate.benchmarks.IndexBuildUnderLoadBenchmark}).
 * Beside them, a plain {@code main}, {@link dev.chatmigrate.benchmarks.RoundTrips}, counts the round trips of whole
 * {@code chatmigrate migrate} processes through a latency proxy.
 *
 * <p>Every measured database is prepared outside the timed region and verified with the verifier
 * after it: a benchmark of a broken migration fails instead of reporting a number. See the module's
 * README for the commands.
 */
package dev.chatmigrate.benchmarks;
