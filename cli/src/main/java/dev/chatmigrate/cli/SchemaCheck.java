package dev.chatmigrate.cli;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.verifier.DriftReport;
import dev.chatmigrate.verifier.SchemaVerifier;
import dev.chatmigrate.verifier.SmokeCheck;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What {@code verify} reads of a schema at its engine's version, for one target or each of a fleet: the catalog against
 * the declaration, and the read/write smoke check ({@code null} below version 2, where there are no messages).
 */
record SchemaCheck(DriftReport drift, SmokeCheck.Result smoke) {

    static SchemaCheck of(Chatmigrate chatmigrate, int version) {
        String schema = chatmigrate.settings().schema();
        try (Connection connection = chatmigrate.runner().connect()) {
            return new SchemaCheck(SchemaVerifier.verify(connection, schema, version),
                    version >= 2 ? SmokeCheck.run(connection, schema, version) : null);
        } catch (SQLException e) {
            throw new MigrationException(MigrationException.Kind.STEP_FAILED, "verify could not read the catalog: " + e.getMessage(), e);
        }
    }
}
