package dev.chatmigrate.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.core.Database;
import dev.chatmigrate.spi.CannotConnectException;
import dev.chatmigrate.spi.MigrationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionRetryTest {

    @ParameterizedTest
    @CsvSource({"08001,true", "08006,true", "57P03,true", "53300,true", "28P01,false", "28000,false", "3D000,false", "08004,false", "42P01,false"})
    void onlyFailuresThatWaitingCanCureAreRetried(String state, boolean transientFailure) {
        assertThat(ConnectionRetry.isTransient(new SQLException("x", state))).isEqualTo(transientFailure);
    }

    @Test
    void aServerThatNeverAnswersFailsAfterTheTimeoutWithExitCode3() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Database nowhere = new Database("jdbc:postgresql://127.0.0.1:" + closedPort + "/chat", "bot", "hunter2");

        assertThatThrownBy(() -> ConnectionRetry.open(nowhere.dataSource("test", Duration.ofSeconds(2)), Duration.ofSeconds(2)))
                .isInstanceOf(CannotConnectException.class)
                .hasMessageContaining("within 2s")
                .hasMessageContaining("connect-timeout")
                .hasMessageNotContaining("hunter2")
                .hasMessageMatching("(?s).*\\(([3-9]|\\d{2,}) attempts.*")
                .satisfies(e -> assertThat(((CannotConnectException) e).kind()).isEqualTo(MigrationException.Kind.CANNOT_CONNECT));
    }
}
