package dev.chatmigrate.integration.partition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatmigrate.integration.reliability.ChatmigrateProcess;
import dev.chatmigrate.testing.FreshDatabase;
import dev.chatmigrate.testing.TestDatabase;
import dev.chatmigrate.schema.ChatbotSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * After {@code chatmigrate partition}, every engine's {@code status}, {@code migrate} (the restart) and {@code verify}
 * still work on the partitioned {@code messages}. What {@code verify} reports there is asserted exactly: until the
 * verifier knows the partitioned forms (docs/partitioning.md, "What is not partition-aware yet"), it reports the
 * primary key's second column, and nothing else (exit 4): its indexes, foreign key and checks match, on the parent.
 */
class PartitionedEveryEngineIT {

    @FreshDatabase
    private TestDatabase database;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"flyway,created_at", "liquibase,created_at", "mybatis,created_at",
            "flyway,conversation_id", "liquibase,conversation_id", "mybatis,conversation_id"})
    @DisplayName("status, the restart's migrate and verify of every engine work on the partitioned messages")
    void everyEngineWorksOnThePartitionedTable(String engine, String key) throws Exception {
        Messages.prepare(database, engine, 1000);
        Map<String, String> environment = Messages.environment(database, engine);
        String[] partition = key.equals("created_at") ? new String[] {"partition", "--by", "created_at"}
                : new String[] {"partition", "--by", "conversation_id", "--partitions", "4"};
        ChatmigrateProcess.Result converted = ChatmigrateProcess.run(environment, partition);
        assertThat(converted.exitCode()).as("%s", converted).isZero();

        ChatmigrateProcess.Result status = ChatmigrateProcess.run(environment, "status", "--json");
        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(status.json().get("currentVersion").asInt()).isEqualTo(ChatbotSchema.LATEST_VERSION);
        assertThat(status.json().get("upToDate").asBoolean()).isTrue();

        ChatmigrateProcess.Result restart = ChatmigrateProcess.run(environment, "migrate", "--json");
        assertThat(restart.exitCode()).as("%s", restart).isZero();
        assertThat(restart.json().get("steps")).isEmpty();

        ChatmigrateProcess.Result verify = ChatmigrateProcess.run(environment, "verify", "--json");
        System.out.printf("[partition] %s %s verify -> exit %d: %s%n", engine, key, verify.exitCode(), verify.out());
        List<String> differences = new ArrayList<>();
        for (JsonNode drift : verify.json().get("drift")) {
            differences.add(drift.get("object").asText() + ": expected " + drift.get("expected").asText() + ", found " + drift.get("found").asText());
        }
        assertThat(verify.exitCode()).as("%s", verify).isEqualTo(4);
        assertThat(verify.json().get("smokePassed").asBoolean()).as("the smoke check writes and reads a message").isTrue();
        assertThat(verify.json().get("extras")).isEmpty();
        assertThat(differences).as("%s", verify).containsExactly("constraint pk_messages: expected PRIMARY KEY (id), found PRIMARY KEY (id, " + key + ")");
    }
}
