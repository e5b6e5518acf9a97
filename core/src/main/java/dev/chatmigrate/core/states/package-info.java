/**
 * The database states a migration starts from (EMPTY, PARTIAL, COMPLETE, UNTRACKED, OTHER_ENGINE,
 * CONFLICT, BEHIND), defined once and made on demand: the engine contract, {@code chatmigrate compare},
 * the benchmarks and the integration tests all start from these.
 *
 * <p>It lives in {@code core}, not in the test fixture, because {@code compare} prepares these states
 * at run time in production code and the benchmarks ship as a runnable jar: neither may depend on
 * test libraries. It is not in {@code verifier} because three states are made by running an engine,
 * which only {@code core} can do. It is public (not {@code internal}) because other modules call it;
 * applications never need it.
 */
package dev.chatmigrate.core.states;
