/**
 * {@code chatmigrate compare}: every engine (and the {@code jdbc} raw-DDL baseline) on every database
 * state, the first migrate timed in a fresh JVM, the warm one in the same JVM afterwards, each result
 * verified; reported as a table, Markdown, a chart and JSON rows.
 */
package dev.chatmigrate.cli.compare;
