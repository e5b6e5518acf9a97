/**
 * The database states a migration starts from (EMPTY, PARTIAL, COMPLETE, UNTRACKED, OTHER_ENGINE,
 * CONFLICT, BEHIND) and the sample rows they hold, defined once and made on demand: core's tests, the
 * engine contract, the integration tests, {@code chatmigrate compare} and the benchmarks all start from these.
 * {@link dev.chatmigrate.testing.states.PartitionedMessages} then partitions a state's {@code messages} in a canonical
 * form, and {@link dev.chatmigrate.testing.states.HalfBuiltIndex} leaves an index build as a crash does.
 *
 * <p>This package needs only the SPI, the schema and JDBC: no JUnit, no test fixture, no {@code chatmigrate-core}
 * (the states that an engine makes are made through the SPI). So {@code compare} prepares them at run time from
 * the command's jar, which carries this package of test support and nothing else of it, and the benchmarks' jar
 * runs without JUnit.
 */
package dev.chatmigrate.testing.states;
