package dev.chatmigrate.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.chatmigrate.adapter.flyway.FlywayEngineProvider;
import dev.chatmigrate.adapter.violation.AdapterUsingTheCore;
import dev.chatmigrate.adapter.violation.AdapterUsingTheFlywayAdapter;
import dev.chatmigrate.cli.violation.CliUsingCoreInternals;
import dev.chatmigrate.contract.violation.ContractUsingEngineLibraries;
import dev.chatmigrate.cycle.violation.left.LeftHalfOfACycle;
import dev.chatmigrate.cycle.violation.right.RightHalfOfACycle;
import dev.chatmigrate.example.violation.ExampleUsingAnAdapter;
import dev.chatmigrate.memory.jdbc.violation.ChatMemoryJdbcUsingJackson;
import dev.chatmigrate.memory.langchain4j.violation.LangChain4jMemoryUsingSpringAi;
import dev.chatmigrate.memory.springai.violation.SpringAiMemoryUsingTheSpi;
import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.schema.violation.SchemaUsingTheSpi;
import dev.chatmigrate.spi.AppliedStep;
import dev.chatmigrate.spi.MigrationException;
import dev.chatmigrate.spi.violation.SpiClassUsingFlyway;
import dev.chatmigrate.spring.bootflyway.violation.BootFlywayRunningFlyway;
import dev.chatmigrate.spring.violation.StarterUsingAnAdapter;
import dev.chatmigrate.verifier.violation.VerifierUsingTheCore;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests the rules: each catches a class written to break it, so no rule passes for lack of anything to check. */
class RulesCanFailTest {

    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importClasses(
            SpiClassUsingFlyway.class, AdapterUsingTheFlywayAdapter.class, FlywayEngineProvider.class, AdapterUsingTheCore.class,
            SchemaUsingTheSpi.class, MigrationException.class, AppliedStep.class, ChatbotSchema.class, VerifierUsingTheCore.class, CliUsingCoreInternals.class,
            ContractUsingEngineLibraries.class, ExampleUsingAnAdapter.class, StarterUsingAnAdapter.class, SpringAiMemoryUsingTheSpi.class, LangChain4jMemoryUsingSpringAi.class,
            ChatMemoryJdbcUsingJackson.class, LeftHalfOfACycle.class, RightHalfOfACycle.class, BootFlywayRunningFlyway.class);

    static Stream<Arguments> rulesAndTheirViolators() {
        return Stream.of(
                Arguments.of("adaptersNeverDependOnEachOther", ModuleRulesTest.adaptersNeverDependOnEachOther, "AdapterUsingTheFlywayAdapter"),
                Arguments.of("flywayIsUsedOnlyInItsAdapter", ModuleRulesTest.flywayIsUsedOnlyInItsAdapter, "SpiClassUsingFlyway"),
                Arguments.of("liquibaseIsUsedOnlyInItsAdapter", ModuleRulesTest.liquibaseIsUsedOnlyInItsAdapter, "ContractUsingEngineLibraries"),
                Arguments.of("myBatisIsUsedOnlyInItsAdapter", ModuleRulesTest.myBatisIsUsedOnlyInItsAdapter, "ContractUsingEngineLibraries"),
                Arguments.of("schemaDependsOnNothing", ModuleRulesTest.schemaDependsOnNothing, "SchemaUsingTheSpi"),
                Arguments.of("spiDependsOnJdkSlf4jAndTheSchemaOnly", ModuleRulesTest.spiDependsOnJdkSlf4jAndTheSchemaOnly, "SpiClassUsingFlyway"),
                Arguments.of("verifierDependsOnJdkPgjdbcAndTheSchemaOnly", ModuleRulesTest.verifierDependsOnJdkPgjdbcAndTheSchemaOnly,
                        "VerifierUsingTheCore"),
                Arguments.of("adaptersDependOnTheSpiAndTheSchemaOnly", ModuleRulesTest.adaptersDependOnTheSpiAndTheSchemaOnly, "AdapterUsingTheCore"),
                Arguments.of("coreInternalsStayInCore", ModuleRulesTest.coreInternalsStayInCore, "CliUsingCoreInternals"),
                Arguments.of("engineLibrariesStayOutOfTheContract", ModuleRulesTest.engineLibrariesStayOutOfTheContract, "ContractUsingEngineLibraries"),
                Arguments.of("theExampleUsesEnginesOnlyThroughTheCore", ModuleRulesTest.theExampleUsesEnginesOnlyThroughTheCore, "ExampleUsingAnAdapter"),
                Arguments.of("theApplicationsFlywayIsOnlyConfigured", ModuleRulesTest.theApplicationsFlywayIsOnlyConfigured, "BootFlywayRunningFlyway"),
                Arguments.of("theStarterUsesEnginesOnlyThroughTheCore", ModuleRulesTest.theStarterUsesEnginesOnlyThroughTheCore, "StarterUsingAnAdapter"),
                Arguments.of("modulesHaveNoCycles", ModuleRulesTest.modulesHaveNoCycles, "SchemaUsingTheSpi"),
                Arguments.of("packagesHaveNoCycles", ModuleRulesTest.packagesHaveNoCycles, "LeftHalfOfACycle"),
                Arguments.of("springAiMemoryUsesJdbcSpringAndJacksonOnly", ModuleRulesTest.springAiMemoryUsesJdbcSpringAndJacksonOnly,
                        "dev.chatmigrate.schema.ChatbotSchema"),
                Arguments.of("langChain4jMemoryUsesJdbcLangChain4jAndJacksonOnly", ModuleRulesTest.langChain4jMemoryUsesJdbcLangChain4jAndJacksonOnly,
                        "org.springframework.ai.chat.messages.Message"),
                Arguments.of("chatMemoryJdbcUsesJdbcOnly", ModuleRulesTest.chatMemoryJdbcUsesJdbcOnly, "com.fasterxml.jackson.databind.ObjectMapper"));
    }

    @ParameterizedTest(name = "{0} catches {2}")
    @MethodSource("rulesAndTheirViolators")
    void eachRuleCatchesItsViolator(String name, ArchRule rule, String violator) {
        assertThatThrownBy(() -> rule.check(VIOLATIONS)).isInstanceOf(AssertionError.class).hasMessageContaining(violator);
    }

}
