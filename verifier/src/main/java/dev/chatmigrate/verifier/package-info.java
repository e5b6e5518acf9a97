/**
 * The independent oracle for the chatbot schema: what each version must look like
 * ({@link dev.chatmigrate.verifier.ExpectedSchema}), what the database really holds
 * ({@link dev.chatmigrate.verifier.ActualSchema}, from {@code pg_catalog}), the differences
 * ({@link dev.chatmigrate.verifier.DriftReport}), a read/write smoke check and data fingerprints for
 * data-loss checks. Depends on the JDK and pgJDBC only, never on the SPI or an engine.
 */
package dev.chatmigrate.verifier;
