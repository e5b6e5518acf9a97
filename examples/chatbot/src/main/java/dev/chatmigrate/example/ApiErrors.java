package dev.chatmigrate.example;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error as {@code {"error": "..."}}: 400/404 that say what was expected, 503 while the database is away, 500 without details. */
@RestControllerAdvice
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    static ResponseEntity<Map<String, String>> error(int status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, String>> refused(ApiException e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<Map<String, String>> unavailable(DataAccessException e) {
        LOG.warn("The database is unavailable: {}", e.getMostSpecificCause().getMessage());
        return error(HttpStatus.SERVICE_UNAVAILABLE.value(), "The database is unavailable; try again shortly.");
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, String>> failed(DataAccessException e) {
        LOG.error("A database statement failed", e);
        return error(500, "Internal error; the service log has the details.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, String>> notFound(NoResourceFoundException e) {
        return error(404, "No route " + e.getHttpMethod() + " /" + e.getResourcePath() + "; GET / lists the routes.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(405).allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new))
                .body(Map.of("error", e.getMethod() + " is not allowed here; allowed: " + String.join(", ", e.getSupportedMethods()) + "."));
    }
}
