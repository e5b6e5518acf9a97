/**
 * Connections and their server sessions: opening with retry ({@link dev.chatmigrate.core.session.ConnectionRetry})
 * and the one backoff every wait uses ({@link dev.chatmigrate.core.session.Backoff}), the runner's two connections
 * opened in parallel, the proof that a session is PostgreSQL's own and not a pooler's ({@link
 * dev.chatmigrate.core.session.DirectSession}), the DDL lock timeout on every connection, the connection handed over to
 * the engine, and what the runner needs from an application's pool. Depends on no other package of core.
 */
package dev.chatmigrate.core.session;
