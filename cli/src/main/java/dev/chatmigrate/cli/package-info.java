/**
 * The {@code chatmigrate} command: {@code migrate}, {@code status} and {@code verify} against the
 * configured database, or an embedded PostgreSQL when none is configured. Results go to standard
 * output, progress and logs to standard error; exit codes are those of DESIGN.md.
 */
package dev.chatmigrate.cli;
