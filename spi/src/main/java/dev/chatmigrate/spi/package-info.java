/**
 * The chatmigrate SPI: one {@link dev.chatmigrate.spi.MigrationEngineProvider} per migration engine,
 * discovered by id through {@link dev.chatmigrate.core.MigrationEngines}, and the
 * {@link dev.chatmigrate.core.MigrationRunner} that wraps every engine with connection retry, the
 * shared advisory lock, adoption of untracked tables and the downgrade data-loss guard.
 *
 * <p>Everything here depends on the JDK, pgJDBC and slf4j only; engine libraries live in adapters.
 */
package dev.chatmigrate.spi;
