package dev.chatmigrate.example;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two checks before any controller: {@code /api/**} needs {@code Authorization: Bearer <CHATBOT_API_TOKEN>}
 * when that variable is set (401 otherwise), and a body over 1 MiB is refused with 413.
 */
@Configuration(proxyBeanMethods = false)
class RequestFilters {

    /** The largest request body accepted. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bearerToken(@Value("${CHATBOT_API_TOKEN:}") String token) {
        byte[] expected = token.getBytes(StandardCharsets.UTF_8);
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                byte[] given = bearerCredentials(request.getHeader("Authorization")).getBytes(StandardCharsets.UTF_8);
                if (!MessageDigest.isEqual(expected, given)) {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    write(response, 401, "This API needs the header Authorization: Bearer <token>, with the token set as CHATBOT_API_TOKEN.");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/api/*");
        registration.setEnabled(!token.isBlank());
        registration.setOrder(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bodyLimit() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long length = request.getContentLengthLong();
                if (length > MAX_BODY_BYTES) {
                    write(response, 413, "The request body is " + length + " bytes: at most " + MAX_BODY_BYTES + " (1 MiB) are accepted.");
                    return;
                }
                if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
                    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
                    if (body.length > MAX_BODY_BYTES) {
                        write(response, 413, "The request body is over " + MAX_BODY_BYTES + " bytes (1 MiB), the most accepted.");
                        return;
                    }
                    chain.doFilter(new BufferedRequest(request, body), response);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/*");
        registration.setOrder(2);
        return registration;
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header; empty for another scheme or no header. The scheme is
     * case-insensitive and followed by one or more spaces (RFC 9110, section 11.4), so {@code bearer <token>} is accepted.
     */
    static String bearerCredentials(String header) {
        String scheme = "Bearer";
        if (header == null || !header.regionMatches(true, 0, scheme, 0, scheme.length())
                || header.length() == scheme.length() || header.charAt(scheme.length()) != ' ') {
            return "";
        }
        return header.substring(scheme.length()).stripLeading();
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(java.util.Map.of("error", message)));
    }
}
