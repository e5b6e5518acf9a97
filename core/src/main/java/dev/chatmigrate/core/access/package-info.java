/**
 * What the connected role may do, and whether the server accepts writes at all, checked before any change: the facts
 * ({@link dev.chatmigrate.core.access.Access}) are read in queries the runner makes anyway, and
 * {@link dev.chatmigrate.core.access.Preflight} refuses in one paragraph naming the missing privilege, setting or
 * standby and what fixes it. Depends on no other package of core. See {@code docs/design.md}, "Shared databases".
 */
package dev.chatmigrate.core.access;
