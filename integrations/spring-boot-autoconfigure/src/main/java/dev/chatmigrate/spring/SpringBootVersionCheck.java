package dev.chatmigrate.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.function.Supplier;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.SpringVersion;

/**
 * Refuses to start on Spring Boot 3.x, before anything else of the starter runs: the auto-configuration
 * is built on Spring Boot 4's modules, and on 3.x it would otherwise fail later with an error that says
 * nothing about versions (a {@code BeanDefinitionOverrideException} for
 * {@code hikariPoolDataSourceMetadataProvider}, from the {@code spring-boot-jdbc} 4 it brings). Registered
 * under {@code org.springframework.context.ApplicationListener} in {@code META-INF/spring.factories}, a key
 * and an event that both Spring Boot 3 and 4 use, and built only of classes both have.
 */
public class SpringBootVersionCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String RESOURCE = "META-INF/chatmigrate/spring-boot.properties";

    private final Supplier<String> runningVersion;

    public SpringBootVersionCheck() {
        this(SpringBootVersion::getVersion);
    }

    SpringBootVersionCheck(Supplier<String> runningVersion) {
        this.runningVersion = runningVersion;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String running = runningVersion.get();
        if (running != null && major(running) < 4) {
            throw new UnsupportedSpringBootException(running, SpringVersion.getVersion(), builtWith());
        }
    }

    private static int major(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The Spring Boot version the starter was built and tested with, recorded at build time. */
    static String builtWith() {
        Properties recorded = new Properties();
        try (InputStream in = SpringBootVersionCheck.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the chatmigrate auto-configuration jar");
            }
            recorded.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return recorded.getProperty("built-with");
    }
}
