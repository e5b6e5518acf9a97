package dev.chatmigrate.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Manifest;

/**
 * An engine's library (Flyway, Liquibase, MyBatis Migrations) as the adapter was built with it, read
 * from {@code META-INF/chatmigrate/engine-libraries.properties}, which the build fills in.
 *
 * @param engineId      the engine that uses it, such as {@code flyway}
 * @param groupId       its Maven group
 * @param artifactId    its Maven artifact
 * @param builtWith     the version the adapter was built and tested with
 * @param mavenProperty the property of Spring Boot's dependency management that sets its version, such as {@code flyway.version}
 */
record EngineLibrary(String engineId, String groupId, String artifactId, String builtWith, String mavenProperty) {

    static final String RESOURCE = "META-INF/chatmigrate/engine-libraries.properties";

    /** Every engine library this release knows, as recorded at build time. */
    static List<EngineLibrary> recorded(ClassLoader loader) {
        Properties recorded = new Properties();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the chatmigrate auto-configuration jar");
            }
            recorded.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<EngineLibrary> libraries = new ArrayList<>();
        for (String engine : recorded.stringPropertyNames()) {
            String[] parts = recorded.getProperty(engine).split(":");
            libraries.add(new EngineLibrary(engine, parts[0], parts[1], parts[2], parts[3]));
        }
        return libraries;
    }

    /** The version of this library on the class path of {@code loader}; empty when it is absent or tells no version. */
    Optional<String> versionOnClassPath(ClassLoader loader) {
        URL pom = loader.getResource("META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties");
        if (pom != null) {
            Properties properties = read(pom);
            return Optional.ofNullable(properties.getProperty("version"));
        }
        return manifestVersion(loader);
    }

    /** Liquibase's jar has no pom.properties: its manifest's Bundle-Version is the release. */
    private Optional<String> manifestVersion(ClassLoader loader) {
        String marker = switch (engineId) {
            case "liquibase" -> "liquibase/Liquibase.class";
            case "flyway" -> "org/flywaydb/core/Flyway.class";
            default -> "org/apache/ibatis/migration/Change.class";
        };
        URL clazz = loader.getResource(marker);
        if (clazz == null || !clazz.toString().startsWith("jar:")) {
            return Optional.empty();
        }
        String jar = clazz.toString().substring(0, clazz.toString().indexOf("!/") + 2);
        try (InputStream in = new URL(jar + "META-INF/MANIFEST.MF").openStream()) {
            var attributes = new Manifest(in).getMainAttributes();
            return Optional.ofNullable(Optional.ofNullable(attributes.getValue("Bundle-Version")).orElse(attributes.getValue("Implementation-Version")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Properties read(URL url) {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A name for messages, such as {@code org.flywaydb:flyway-core}. */
    String coordinates() {
        return groupId + ":" + artifactId;
    }
}
