package dev.chatmigrate.spring;

import dev.chatmigrate.spi.InvalidConfigurationException;

/**
 * The chosen engine's library on the class path is not the version its adapter was built with
 * (Spring Boot's dependency management replaced it). Its {@link #action()} is the fix first (the
 * Maven property that pins the version), the escape hatch second; {@link MigrationFailureAnalyzer}
 * shows it as the start-up report's {@code Action:}.
 */
public final class EngineLibraryMismatchException extends InvalidConfigurationException {

    private final String action;

    EngineLibraryMismatchException(String message, EngineLibrary library, String found) {
        super(message, "engine-library-check", library.coordinates() + " " + library.builtWith(), library.coordinates() + " " + found);
        this.action = "Pin the version the adapter is built with: set <" + library.mavenProperty() + ">" + library.builtWith() + "</"
                + library.mavenProperty() + "> in your pom's <properties> (Gradle: ext['" + library.mavenProperty() + "'] = '"
                + library.builtWith() + "'), then rebuild. Only to start anyway with " + library.coordinates() + " " + found
                + ": chatmigrate.engine-library-check=warn.";
    }

    /** What to do: the version property to set, then the escape hatch. */
    public String action() {
        return action;
    }
}
