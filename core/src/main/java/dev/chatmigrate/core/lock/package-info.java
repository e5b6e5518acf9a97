/**
 * The advisory lock and what happens under it: {@link dev.chatmigrate.core.lock.AdvisoryLock}, a locked, proven-direct
 * session ({@link dev.chatmigrate.core.lock.LockedSession}) with the facts read under the lock, the retry of a locked
 * operation interrupted by a DDL lock wait or a lost connection ({@link dev.chatmigrate.core.lock.OnlineRetry}), and
 * the naming of the sessions that block it. Built on {@code session}.
 */
package dev.chatmigrate.core.lock;
