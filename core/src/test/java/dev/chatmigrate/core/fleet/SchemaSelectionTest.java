package dev.chatmigrate.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.spi.InvalidConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SchemaSelectionTest {

    @Test
    @DisplayName("a glob becomes a LIKE pattern: * any run, ? one character, LIKE's own wildcards and escape taken literally")
    void globToLike() {
        assertThat(SchemaSelection.like("tenant_*")).isEqualTo("tenant\\_%");
        assertThat(SchemaSelection.like("shop?")).isEqualTo("shop_");
        assertThat(SchemaSelection.like("a%b\\c")).isEqualTo("a\\%b\\\\c");
    }

    @Test
    @DisplayName("comma-separated names are taken as they are; any * or ? makes the selection need the catalog")
    void namesAndGlobs() {
        assertThat(SchemaSelection.parse("tenant_a, tenant_b").names()).containsExactly("tenant_a", "tenant_b");
        assertThat(SchemaSelection.parse("tenant_a,tenant_b").hasGlob()).isFalse();
        assertThat(SchemaSelection.parse("tenant_a,shop_*").hasGlob()).isTrue();
    }

    @Test
    @DisplayName("an empty entry is refused with what was expected")
    void emptyEntryRefused() {
        assertThatThrownBy(() -> SchemaSelection.parse("tenant_a,,tenant_b")).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("expected schema names or globs separated by commas");
    }
}
