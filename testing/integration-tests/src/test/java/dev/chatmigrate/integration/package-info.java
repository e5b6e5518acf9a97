/**
 * Every engine together, in one process: each builds exactly the declared schema at every version, the same from every
 * state, takes over from every other when switched to, adopts what Alembic and Hibernate make, and stays within its
 * round-trip budget. Real processes of the packaged command are in {@link dev.chatmigrate.integration.reliability}.
 */
package dev.chatmigrate.integration;
