/**
 * The network between a client and the test PostgreSQL server, made slow on purpose: {@link
 * dev.chatmigrate.contract.network.LatencyProxy} adds a round-trip time and counts round trips, so tests can assert how many
 * times a command waits for the server and benchmarks can show what that costs at a distance.
 */
package dev.chatmigrate.contract.network;
