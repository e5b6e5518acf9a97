package dev.chatmigrate.core;

import dev.chatmigrate.spi.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** {@code chatmigrate.properties}: found in the working directory, else on the class path; read as properties. */
final class PropertiesFile {

    /** The file name looked up in the working directory and on the class path. */
    static final String NAME = "chatmigrate.properties";

    private PropertiesFile() {
    }

    /** The file in the working directory, else on the class path; empty when there is none. */
    static Properties find() {
        Path local = Path.of(NAME);
        if (Files.isRegularFile(local)) {
            return read(local);
        }
        try (InputStream in = PropertiesFile.class.getClassLoader().getResourceAsStream(NAME)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + NAME + " from the class path", e);
        }
    }

    /** The properties of {@code file}, which must exist. */
    static Properties read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigurationException("The properties file " + file + " does not exist: expected a file of chatmigrate.* properties.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Properties load(InputStream in) throws IOException {
        Properties properties = new Properties();
        if (in != null) {
            properties.load(in);
        }
        return properties;
    }
}
