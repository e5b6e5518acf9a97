package dev.chatmigrate.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.chatmigrate.spi.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a route's {@link JsonResponse} into an HTTP answer with {@code Content-Type: application/json},
 * and every failure into a JSON error: a refusal into its 4xx, an unreachable database into 503, anything
 * else into 500. Details the client is not told go to the log.
 */
abstract class JsonHandler implements HttpHandler {

    /** The largest request body accepted; larger ones get 413. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(JsonHandler.class);

    /** Answers one request; refusals are thrown as {@link ApiException}. */
    abstract JsonResponse respond(HttpExchange exchange) throws SQLException, IOException;

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonResponse response = answer(exchange);
            byte[] body = Json.MAPPER.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            response.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private JsonResponse answer(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        try {
            return respond(exchange);
        } catch (ApiException e) {
            return JsonResponse.error(e.status(), e.getMessage());
        } catch (SQLException e) {
            if (unavailable(e)) {
                LOG.warn("{}: the database is unavailable: {}", request, Secrets.redact(e.getMessage()));
                return JsonResponse.error(503, "The database is unavailable; try again shortly.");
            }
            LOG.error("{} failed", request, e);
            return JsonResponse.error(500, "Internal error; the service log has the details.");
        } catch (RuntimeException e) {
            LOG.error("{} failed", request, e);
            return JsonResponse.error(500, "Internal error; the service log has the details.");
        }
    }

    /** The request body, at most {@link #MAX_BODY_BYTES} long. */
    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
            }
            return body;
        }
    }

    /**
     * Whether {@code e} means the database cannot be reached now (no connection from the pool, a broken
     * connection, a server shutting down or refusing connections), as opposed to a failing statement.
     */
    static boolean unavailable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLTransientConnectionException
                || state.startsWith("08")          // connection exception
                || state.startsWith("57P")         // operator intervention: shutdown, cannot connect now
                || state.equals("53300")           // too many connections
                || state.equals("3D000");          // the database does not exist (any more)
    }
}
