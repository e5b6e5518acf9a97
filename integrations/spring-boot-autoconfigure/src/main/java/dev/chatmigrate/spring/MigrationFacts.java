package dev.chatmigrate.spring;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.MigrationReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** The facts that health and info show: engine, schema, its version at startup, the target, the latest version. */
final class MigrationFacts {

    private MigrationFacts() {
    }

    static Map<String, Object> of(ChatmigrateInitializer initializer) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("engine", initializer.chatmigrate().settings().engineId());
        facts.put("schema", initializer.chatmigrate().settings().schema());
        MigrationReport report = initializer.report();
        if (report != null) {
            facts.put("version", report.versionAfter());
        }
        facts.put("target", initializer.chatmigrate().target());
        facts.put("latest", ChatbotSchema.LATEST_VERSION);
        facts.put("enabled", initializer.chatmigrate().enabled());
        return facts;
    }
}
