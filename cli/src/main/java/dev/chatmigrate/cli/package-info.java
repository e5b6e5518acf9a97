/**
 * The {@code chatmigrate} command: {@code migrate}, {@code status}, {@code verify} and {@code downgrade} against the
 * configured database, or an embedded PostgreSQL when none is configured. Results go to standard
 * output, progress and logs to standard error; exit codes are those of docs/design.md.
 */
package dev.chatmigrate.cli;
