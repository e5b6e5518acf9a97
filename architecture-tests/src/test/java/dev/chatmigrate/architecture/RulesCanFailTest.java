package dev.chatmigrate.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.chatmigrate.adapter.flyway.FlywayEngineProvider;
import dev.chatmigrate.adapter.violation.AdapterUsingTheFlywayAdapter;
import dev.chatmigrate.memory.langchain4j.violation.LangChain4jMemoryUsingSpringAi;
import dev.chatmigrate.memory.springai.violation.SpringAiMemoryUsingTheSpi;
import dev.chatmigrate.spi.violation.SpiClassUsingFlyway;
import org.junit.jupiter.api.Test;

/** Tests the rules: each catches a class written to break it. */
class RulesCanFailTest {

    private final JavaClasses violations = new ClassFileImporter()
            .importClasses(SpiClassUsingFlyway.class, AdapterUsingTheFlywayAdapter.class, FlywayEngineProvider.class,
                    SpringAiMemoryUsingTheSpi.class, LangChain4jMemoryUsingSpringAi.class);

    @Test
    void anEngineLibraryInTheSpiIsCaught() {
        assertThatThrownBy(() -> ModuleRulesTest.spiDependsOnJdkPgjdbcAndSlf4jOnly.check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SpiClassUsingFlyway");
        assertThatThrownBy(() -> ModuleRulesTest.flywayIsUsedOnlyInItsAdapter.check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org.flywaydb.core.Flyway");
    }

    @Test
    void anAdapterUsingAnotherAdapterIsCaught() {
        assertThatThrownBy(() -> ModuleRulesTest.adaptersNeverDependOnEachOther.check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("AdapterUsingTheFlywayAdapter");
    }

    @Test
    void chatMemoryUsingChatmigrateOrTheOtherFrameworkIsCaught() {
        assertThatThrownBy(() -> ModuleRulesTest.springAiMemoryUsesJdbcSpringAndJacksonOnly.check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("dev.chatmigrate.spi.ChatbotSchema");
        assertThatThrownBy(() -> ModuleRulesTest.langChain4jMemoryUsesJdbcLangChain4jAndJacksonOnly.check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org.springframework.ai.chat.messages.Message");
    }
}
