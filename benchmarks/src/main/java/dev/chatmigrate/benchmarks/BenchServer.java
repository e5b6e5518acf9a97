package dev.chatmigrate.benchmarks;

import dev.chatmigrate.testing.TestPostgres;

/**
 * The PostgreSQL server of one benchmark JVM (one JMH fork): the contract suite's test server.
 *
 * <p>{@code CHATMIGRATE_BENCH_DB} (environment, or system property {@code chatmigrate.bench.db}), a
 * JDBC URL or {@code postgresql://} URI whose user may create databases, points every fork at one
 * running server; otherwise the fixture's own {@code CHATMIGRATE_TEST_DB} rules apply, which by
 * default start an embedded PostgreSQL 17 in each fork (about two seconds, outside any measurement).
 */
final class BenchServer {

    /** The environment variable that points the benchmarks at a running server. */
    static final String SELECTOR = "CHATMIGRATE_BENCH_DB";

    private BenchServer() {
    }

    static synchronized TestPostgres get() {
        String url = System.getProperty("chatmigrate.bench.db", System.getenv(SELECTOR));
        if (url != null && !url.isBlank()) {
            System.setProperty("chatmigrate.test.db", url.strip());
        }
        return TestPostgres.server();
    }
}
