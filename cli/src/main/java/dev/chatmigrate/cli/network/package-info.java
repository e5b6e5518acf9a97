/**
 * The network between a client and a PostgreSQL server, made slow on purpose: {@link
 * dev.chatmigrate.cli.network.LatencyProxy} adds a round-trip time and counts round trips, so that
 * {@code chatmigrate compare --rtt} reports them, tests assert how many times a command waits for the server,
 * and benchmarks show what that costs at a distance. It lives with the command that uses it at run time;
 * tests and benchmarks depend on {@code cli} for it.
 */
package dev.chatmigrate.cli.network;
