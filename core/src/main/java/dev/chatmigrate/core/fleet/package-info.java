/**
 * A fleet: one run over many targets (tenant schemas on one database, and several databases), each target through the
 * single-target path ({@link dev.chatmigrate.core.Chatmigrate}) unchanged, with a bounded number of workers and
 * connections, failures isolated per target, and a result per target. See docs/design.md, "The runner", and
 * docs/deployment.md, "Fleets".
 */
package dev.chatmigrate.core.fleet;
