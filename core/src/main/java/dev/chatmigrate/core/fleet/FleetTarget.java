package dev.chatmigrate.core.fleet;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * One target of a fleet: a schema on a database.
 *
 * @param name       how the summary names it, such as {@code tenants/tenant_007}; never holds a password
 * @param server     the server the connection bound applies to ({@code host:port}, or the data source's identity)
 * @param dataSource where the connections come from (before the fleet's bound is applied)
 * @param schema     the schema of the chatbot tables
 */
public record FleetTarget(String name, String server, DataSource dataSource, String schema) {

    public FleetTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(schema, "schema");
    }

    @Override
    public String toString() {
        return name;
    }
}
