package dev.chatmigrate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that make {@code migrate}, {@code status}, {@code verify} and {@code plan} run over a fleet of targets
 * ({@link FleetCommand}); without any of them, each command works on its single target as always.
 */
final class FleetOptions {

    @Option(names = "--schemas", paramLabel = "NAMES|GLOB",
            description = "Run on these schemas: names and globs over the schemas that exist, comma-separated (tenant_a,tenant_b or 'tenant_*').")
    String schemas;

    @Option(names = "--databases", paramLabel = "FILE",
            description = "Run on the databases in FILE, one URL a line, # for comments; passwords from DATABASE_PASSWORD or ~/.pgpass.")
    Path databases;

    @Option(names = "--parallel", paramLabel = "N", description = "Targets run at once (default 1); at most N x 3 connections to one server.")
    Integer parallel;

    @Option(names = "--fail-fast", description = "Start no other target once one has failed.")
    boolean failFast;

    @Option(names = "--canary", paramLabel = "K", description = "Run the first K targets first, and no other when one of them fails.")
    Integer canary;

    /** Whether any fleet option was given. */
    boolean requested() {
        return schemas != null || databases != null || parallel != null || failFast || canary != null;
    }
}
