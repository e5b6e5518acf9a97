package dev.chatmigrate.core.session;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ending a connection's server session without waiting, where a failure to close changes nothing for the caller. */
public final class Connections {

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    private Connections() {
    }

    /** Ends the session; pgJDBC sends its Terminate message and does not wait for an answer. A failure is only logged. */
    public static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a connection: {}", e.getMessage());
        }
    }
}
