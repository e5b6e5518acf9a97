package dev.chatmigrate.spring;

import dev.chatmigrate.spi.MigrationReport;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health {@code chatmigrate}: up once the startup migration (or, when disabled, the version check)
 * has brought the schema to at least its target; details name the engine, the schema and the version.
 * It answers from what startup recorded and sends no query: the data source's own indicator checks
 * the connection.
 */
public class ChatmigrateHealthIndicator implements HealthIndicator {

    private final ChatmigrateInitializer initializer;

    ChatmigrateHealthIndicator(ChatmigrateInitializer initializer) {
        this.initializer = initializer;
    }

    @Override
    public Health health() {
        MigrationReport report = initializer.report();
        boolean ready = report != null && report.versionAfter() >= initializer.chatmigrate().target();
        return (ready ? Health.up() : Health.down()).withDetails(MigrationFacts.of(initializer)).build();
    }
}
