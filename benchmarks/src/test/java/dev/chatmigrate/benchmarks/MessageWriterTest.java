package dev.chatmigrate.benchmarks;

import dev.chatmigrate.testing.states.DatabaseState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The benchmark's message writer")
class MessageWriterTest {

    @Test
    @DisplayName("counts an insert that a lock holds up for the whole window, with its full latency")
    void seesAnInsertBlockedForTheWholeWindow() throws SQLException, InterruptedException {
        try (BenchDatabase database = BenchDatabase.create(BenchEngine.named(BenchEngine.JDBC), DatabaseState.EMPTY, Preparation.IN_THIS_JVM)) {
            database.runner().migrate(3);
            UUID conversation;
            try (Connection connection = database.connect()) {
                conversation = MessagesLoad.load(connection, 10);
            }
            try (Connection blocker = database.connect(); MessageWriter writer = MessageWriter.start(database.connect(), conversation, 0)) {
                blocker.setAutoCommit(false);
                try (Statement statement = blocker.createStatement()) {
                    statement.execute("lock table messages in share mode");
                }
                Thread.sleep(100);
                writer.openWindow();
                Thread.sleep(300);
                blocker.commit();
                MessageWriter.Window window = writer.closeWindow();

                assertThat(window.inserts()).isPositive();
                assertThat(window.worstInsert()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            }
        }
    }
}
