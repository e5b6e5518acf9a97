package dev.chatmigrate.adapter.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngineProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The provider is cheap: discovering it and asking what it is loads no Liquibase class. */
class LiquibaseEngineProviderTest {

    @Test
    @DisplayName("constructing the provider and calling id() and capabilities() loads no Liquibase class")
    void providerLoadsNoLiquibaseClass() throws Exception {
        try (RecordingClassLoader loader = new RecordingClassLoader(
                location(LiquibaseEngineProvider.class), location(MigrationEngineProvider.class), location(liquibase.Scope.class))) {
            Class<?> providerClass = loader.loadClass(LiquibaseEngineProvider.class.getName());
            Object provider = providerClass.getConstructor().newInstance();

            assertThat(providerClass.getMethod("id").invoke(provider)).isEqualTo("liquibase");
            assertThat((Set<?>) providerClass.getMethod("capabilities").invoke(provider)).hasSize(3);
            assertThat(loader.loaded).as("classes loaded").contains(LiquibaseEngineProvider.class.getName())
                    .noneMatch(name -> name.startsWith("liquibase."));
        }
    }

    @Test
    @DisplayName("downgrade is Liquibase's own rollback, and validation checks checksums")
    void declaresNativeDowngradeChecksumValidationAndUpToDateCheck() {
        assertThat(new LiquibaseEngineProvider().capabilities())
                .containsExactlyInAnyOrder(Capability.NATIVE_DOWNGRADE, Capability.CHECKSUM_VALIDATION, Capability.UP_TO_DATE_CHECK);
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** Loads the adapter, the SPI and Liquibase itself, and records every class it defines. */
    private static final class RecordingClassLoader extends URLClassLoader {

        final List<String> loaded = new CopyOnWriteArrayList<>();

        RecordingClassLoader(URL... urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            loaded.add(name);
            return super.findClass(name);
        }
    }
}
