package dev.chatmigrate.spring;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.spi.MigrationReport;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Migrates one tenant's schema at runtime, on the application's own pool (or {@code chatmigrate.url}) and with the
 * {@code chatmigrate.*} settings, as a signup creates the tenant:
 *
 * <pre>{@code
 * tenants.migrate("tenant_" + id);   // creates the schema when missing; a restart on it changes nothing
 * }</pre>
 *
 * Each call is the single-target migration of {@link Chatmigrate} (lock per schema, adoption, recovery), so two
 * replicas creating the same tenant at once are safe; the pool needs room for three connections. With
 * {@code chatmigrate.enabled=false} it changes nothing and checks the version instead, as at startup.
 */
public final class ChatmigrateTenants {

    private final Supplier<ChatmigrateConfiguration> configuration;

    /** Tenants migrated with a fresh copy of {@code configuration} each (its schema replaced by the tenant's). */
    public ChatmigrateTenants(Supplier<ChatmigrateConfiguration> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /** Brings {@code schema} to the configured version, creating it when missing. */
    public MigrationReport migrate(String schema) {
        return chatmigrate(schema).migrate();
    }

    /** The {@link Chatmigrate} of {@code schema}, for its status, plan or validation. */
    public Chatmigrate chatmigrate(String schema) {
        return configuration.get().schema(Objects.requireNonNull(schema, "schema")).load();
    }
}
