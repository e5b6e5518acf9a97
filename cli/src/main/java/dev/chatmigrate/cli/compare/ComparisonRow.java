package dev.chatmigrate.cli.compare;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One engine on one state: the first migrate in a fresh JVM ({@code coldMs}), the median of the following ones
 * in that JVM ({@code warmMs}), whether every resulting schema verified; the same two figures for the plain engine
 * ({@link dev.chatmigrate.spi.PlainMigration}: Flyway, Liquibase or MyBatis alone on the same scripts) measured
 * beside it in the same run ({@code plainColdMs}, {@code plainWarmMs}; absent for the {@code jdbc} baseline and
 * for PARTIAL, where a plain engine cannot start); and with {@code --rtt} one more migrate through a
 * {@link dev.chatmigrate.cli.network.LatencyProxy} adding {@code rttMs} to each round trip: its {@code roundTrips}
 * and wall time ({@code rttWallMs}), in this (warm) JVM, absent without {@code --rtt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparisonRow(String engine, String state, double coldMs, double warmMs, boolean verified, Double plainColdMs,
        Double plainWarmMs, Long roundTrips, Double rttMs, Double rttWallMs) {

    /** A row without a plain engine's figures or a round-trip measurement. */
    public ComparisonRow(String engine, String state, double coldMs, double warmMs, boolean verified) {
        this(engine, state, coldMs, warmMs, verified, null, null, null, null, null);
    }

    /** This row with the plain engine's cold and warm figures. */
    public ComparisonRow withPlain(double coldMs, double warmMs) {
        return new ComparisonRow(engine, state, this.coldMs, this.warmMs, verified, coldMs, warmMs, roundTrips, rttMs, rttWallMs);
    }

    /** This row with a measurement through the proxy. */
    public ComparisonRow withRoundTrips(long count, double rtt, double wallMs) {
        return new ComparisonRow(engine, state, coldMs, warmMs, verified, plainColdMs, plainWarmMs, count, rtt, wallMs);
    }

    /** This row with a schema that did not verify. */
    public ComparisonRow unverified() {
        return new ComparisonRow(engine, state, coldMs, warmMs, false, plainColdMs, plainWarmMs, roundTrips, rttMs, rttWallMs);
    }

    /** Whether the plain engine was measured beside this row. */
    public boolean hasPlain() {
        return plainColdMs != null;
    }
}
