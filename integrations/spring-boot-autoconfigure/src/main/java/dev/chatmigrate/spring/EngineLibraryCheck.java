package dev.chatmigrate.spring;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that the engine libraries on the class path are the versions the adapters were built and
 * tested with. Spring Boot's dependency management sets its own Flyway and Liquibase versions
 * (Flyway 11.x, Liquibase 5.x, the latter under the FSL rather than Apache-2.0) for every application
 * built on its parent or BOM, which silently replaces the adapters' versions: the chosen engine's
 * library then fails startup (or warns, with {@code chatmigrate.engine-library-check=warn}); other
 * engines' libraries only warn.
 */
final class EngineLibraryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLibraryCheck.class);

    private final ClassLoader loader;
    private final ChatmigrateProperties.LibraryCheck reaction;

    EngineLibraryCheck(ClassLoader loader, ChatmigrateProperties.LibraryCheck reaction) {
        this.loader = loader;
        this.reaction = reaction;
    }

    /** Checks every known engine library present on the class path; {@code engineId} is the one that will run. */
    void check(String engineId) {
        for (EngineLibrary library : EngineLibrary.recorded(loader)) {
            Optional<String> found = library.versionOnClassPath(loader);
            if (found.isEmpty() || found.get().equals(library.builtWith())) {
                continue;
            }
            String message = mismatch(library, found.get());
            if (library.engineId().equals(engineId) && reaction == ChatmigrateProperties.LibraryCheck.FAIL) {
                throw new EngineLibraryMismatchException(message + " Set <" + library.mavenProperty() + ">" + library.builtWith() + "</"
                        + library.mavenProperty() + "> in your pom's <properties> (Gradle: ext['" + library.mavenProperty() + "'] = '"
                        + library.builtWith() + "'), or engine-library-check=warn to start anyway.", library, found.get());
            }
            LOG.warn("{} Set <{}>{}</{}> in your pom's <properties>.", message, library.mavenProperty(), library.builtWith(), library.mavenProperty());
        }
    }

    private static String mismatch(EngineLibrary library, String found) {
        return "The class path has " + library.coordinates() + " " + found + ", but chatmigrate's " + library.engineId()
                + " adapter is built and tested with " + library.builtWith() + " (Spring Boot's dependency management"
                + " replaces the adapter's version unless the application pins it)" + licence(library, found) + ".";
    }

    private static String licence(EngineLibrary library, String found) {
        return library.engineId().equals("liquibase") && !found.startsWith("4.") ? "; Liquibase 5 and later are not under Apache-2.0" : "";
    }
}
