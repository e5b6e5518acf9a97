package dev.chatmigrate.spring;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** Adds {@code chatmigrate} to {@code /actuator/info}: engine, schema, version at startup, target, latest version. */
public class ChatmigrateInfoContributor implements InfoContributor {

    private final ChatmigrateInitializer initializer;

    ChatmigrateInfoContributor(ChatmigrateInitializer initializer) {
        this.initializer = initializer;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("chatmigrate", MigrationFacts.of(initializer));
    }
}
