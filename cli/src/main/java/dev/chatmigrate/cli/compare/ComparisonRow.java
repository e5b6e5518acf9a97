package dev.chatmigrate.cli.compare;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One engine on one state: the first migrate in a fresh JVM ({@code coldMs}), the median of the following ones
 * in that JVM ({@code warmMs}), whether every resulting schema verified, and with {@code --rtt} one more migrate
 * through a {@link dev.chatmigrate.cli.network.LatencyProxy} adding {@code rttMs} to each round trip: its
 * {@code roundTrips} and wall time ({@code rttWallMs}), in this (warm) JVM. The last three are absent without
 * {@code --rtt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparisonRow(String engine, String state, double coldMs, double warmMs, boolean verified, Long roundTrips, Double rttMs,
        Double rttWallMs) {

    /** A row without a round-trip measurement. */
    public ComparisonRow(String engine, String state, double coldMs, double warmMs, boolean verified) {
        this(engine, state, coldMs, warmMs, verified, null, null, null);
    }

    /** This row with a measurement through the proxy. */
    public ComparisonRow withRoundTrips(long count, double rtt, double wallMs) {
        return new ComparisonRow(engine, state, coldMs, warmMs, verified, count, rtt, wallMs);
    }
}
