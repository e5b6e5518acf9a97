package dev.chatmigrate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.core.baseline.JdbcBaselineProvider;
import dev.chatmigrate.spi.Capability;
import dev.chatmigrate.spi.MigrationEngine;
import dev.chatmigrate.spi.MigrationEngineProvider;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.MigrationSettings;
import dev.chatmigrate.spi.UnknownEngineException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationEnginesTest {

    record NamedProvider(String id) implements MigrationEngineProvider {
        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }

        @Override
        public MigrationEngine open(MigrationSettings settings) {
            throw new UnsupportedOperationException();
        }
    }

    static final class SameIdProvider implements MigrationEngineProvider {
        @Override
        public String id() {
            return "alpha";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }

        @Override
        public MigrationEngine open(MigrationSettings settings) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void selectsTheProviderById() {
        NamedProvider beta = new NamedProvider("beta");

        assertThat(MigrationEngines.byId("beta", List.of(new NamedProvider("alpha"), beta))).isSameAs(beta);
    }

    @Test
    void anUnknownIdListsTheKnownOnes() {
        assertThatThrownBy(() -> MigrationEngines.byId("liquibaze", List.of(new NamedProvider("flyway"), new NamedProvider("liquibase"))))
                .isInstanceOf(UnknownEngineException.class)
                .hasMessageContaining("'liquibaze'")
                .hasMessageContaining("flyway, liquibase")
                .satisfies(e -> assertThat(((MigrationException) e).kind()).isEqualTo(MigrationException.Kind.UNKNOWN_ENGINE))
                .satisfies(e -> assertThat(((MigrationException) e).found()).contains("liquibaze"));
    }

    @Test
    void twoProvidersWithOneIdAreRefusedNamingBoth() {
        assertThatThrownBy(() -> MigrationEngines.byId("alpha", List.of(new NamedProvider("alpha"), new SameIdProvider())))
                .isInstanceOf(UnknownEngineException.class)
                .hasMessageContaining("Two migration engine providers claim the id 'alpha'")
                .hasMessageContaining(NamedProvider.class.getName())
                .hasMessageContaining(SameIdProvider.class.getName());
    }

    @Test
    void withNoAdapterOnTheClassPathTheErrorSaysSo() {
        assertThatThrownBy(() -> MigrationEngines.byId("flyway")).hasMessageContaining("no adapter is on the class path");
    }

    @Test
    void theJdbcBaselineIsMeasuredButNeverSelected() {
        assertThat(MigrationEngines.measured("jdbc")).isInstanceOf(JdbcBaselineProvider.class);
        assertThat(MigrationEngines.measuredIds()).startsWith("jdbc");
        assertThat(MigrationEngines.ids()).doesNotContain("jdbc");
        assertThat(MigrationEngines.all()).anyMatch(provider -> provider.id().equals("jdbc"));
        assertThatThrownBy(() -> MigrationEngines.byId("jdbc")).isInstanceOf(UnknownEngineException.class)
                .satisfies(e -> assertThat(((MigrationException) e).found()).contains("jdbc"));
    }
}
