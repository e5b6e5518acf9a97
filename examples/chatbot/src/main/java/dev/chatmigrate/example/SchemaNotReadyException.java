package dev.chatmigrate.example;

import dev.chatmigrate.spi.MigrationException;

/**
 * The schema is below the version the chatbot's queries need (for example, migrations are disabled
 * and nobody ran them); exit code 4, as for a schema conflict.
 */
final class SchemaNotReadyException extends MigrationException {

    SchemaNotReadyException(String message) {
        super(Kind.SCHEMA_CONFLICT, message);
    }
}
