/**
 * What the {@link dev.chatmigrate.core.MigrationRunner} does around every engine: connection retry,
 * the advisory lock, engine-independent adoption of existing tables, and the downgrade data-loss guard.
 * Not API: names here may change between releases.
 */
package dev.chatmigrate.core.internal;
