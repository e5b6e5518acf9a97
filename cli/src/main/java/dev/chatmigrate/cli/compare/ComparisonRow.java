package dev.chatmigrate.cli.compare;

/**
 * One engine on one state: the first migrate in a fresh JVM ({@code coldMs}), the median of the
 * following ones in that JVM ({@code warmMs}), and whether every resulting schema verified.
 */
public record ComparisonRow(String engine, String state, double coldMs, double warmMs, boolean verified) {
}
