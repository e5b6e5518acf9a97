/**
 * What an engine author implements, and nothing more: one {@link dev.chatmigrate.spi.MigrationEngineProvider}
 * per migration engine (registered in {@code META-INF/services}, selected by its id), the
 * {@link dev.chatmigrate.spi.MigrationEngine} it opens on one schema, the immutable reports, the optional
 * {@link dev.chatmigrate.spi.Capability capabilities}, and the one exception root
 * {@link dev.chatmigrate.spi.MigrationException} with its kinds. What tools call (the runner, configuration,
 * discovery) is in the {@code core} module, as JUnit's launcher is beside its engine API; see
 * {@code docs/design.md}.
 *
 * <p>Everything here depends on the JDK, slf4j and the schema declaration only; engine libraries live in adapters.
 */
package dev.chatmigrate.spi;
