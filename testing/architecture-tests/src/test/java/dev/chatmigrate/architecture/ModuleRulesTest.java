package dev.chatmigrate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module and package rules of {@code docs/design.md}, over the production classes of every module, the example and the benchmarks included. */
@AnalyzeClasses(packages = "dev.chatmigrate", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    /** The starter's package for the application's own Flyway (Spring Boot's) beside chatmigrate: its configuration API only, no adapter. */
    private static final String BOOT_FLYWAY = "dev.chatmigrate.spring.bootflyway..";

    private static final String[] ENGINE_LIBRARIES = {"org.flywaydb..", "liquibase..", "org.apache.ibatis.."};

    @ArchTest
    static final ArchRule adaptersNeverDependOnEachOther = slices()
            .matching("dev.chatmigrate.adapter.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule flywayIsUsedOnlyInItsAdapter = noClasses()
            .that().resideOutsideOfPackages("dev.chatmigrate.adapter.flyway..", BOOT_FLYWAY)
            .should().dependOnClassesThat().resideInAPackage("org.flywaydb..");

    @ArchTest
    static final ArchRule theApplicationsFlywayIsOnlyConfigured = noClasses()
            .that().resideInAPackage(BOOT_FLYWAY)
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.flywaydb..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.flywaydb.core.api.configuration.."))))
            .orShould().dependOnClassesThat().resideInAPackage("dev.chatmigrate.adapter..");

    @ArchTest
    static final ArchRule liquibaseIsUsedOnlyInItsAdapter = noClasses()
            .that().resideOutsideOfPackage("dev.chatmigrate.adapter.liquibase..")
            .should().dependOnClassesThat().resideInAPackage("liquibase..");

    @ArchTest
    static final ArchRule myBatisIsUsedOnlyInItsAdapter = noClasses()
            .that().resideOutsideOfPackage("dev.chatmigrate.adapter.mybatis..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.ibatis..");

    @ArchTest
    static final ArchRule schemaDependsOnNothing = classes()
            .that().resideInAPackage("dev.chatmigrate.schema..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.chatmigrate.schema..");

    @ArchTest
    static final ArchRule spiDependsOnJdkSlf4jAndTheSchemaOnly = classes()
            .that().resideInAPackage("dev.chatmigrate.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "org.slf4j..", "dev.chatmigrate.spi..",
                    "dev.chatmigrate.schema..");

    @ArchTest
    static final ArchRule verifierDependsOnJdkPgjdbcAndTheSchemaOnly = classes()
            .that().resideInAPackage("dev.chatmigrate.verifier..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.postgresql..", "dev.chatmigrate.verifier..",
                    "dev.chatmigrate.schema..");

    @ArchTest
    static final ArchRule adaptersDependOnTheSpiAndTheSchemaOnly = noClasses()
            .that().resideInAPackage("dev.chatmigrate.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.chatmigrate.core..", "dev.chatmigrate.verifier..", "dev.chatmigrate.cli..",
                    "dev.chatmigrate.contract..", "dev.chatmigrate.testing..", "dev.chatmigrate.example..", "dev.chatmigrate.benchmarks..");

    /** What the runner does around an engine (sessions, the lock, histories) is used through the core's API only. */
    @ArchTest
    static final ArchRule coreInternalsStayInCore = noClasses()
            .that().resideOutsideOfPackage("dev.chatmigrate.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.chatmigrate.core.session..", "dev.chatmigrate.core.lock..",
                    "dev.chatmigrate.core.history..", "dev.chatmigrate.core.access..");

    @ArchTest
    static final ArchRule engineLibrariesStayOutOfTheContract = noClasses()
            .that().resideInAPackage("dev.chatmigrate.contract..")
            .should().dependOnClassesThat().resideInAnyPackage(ENGINE_LIBRARIES);

    @ArchTest
    static final ArchRule theExampleUsesEnginesOnlyThroughTheCore = noClasses()
            .that().resideInAPackage("dev.chatmigrate.example..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.chatmigrate.adapter..", "dev.chatmigrate.cli..", "org.flywaydb..", "liquibase..",
                    "org.apache.ibatis..");

    /**
     * Chat memory depends on JDBC, its framework and the shared chat memory JDBC code only: nothing else of chatmigrate, not the
     * other framework.
     */
    @ArchTest
    static final ArchRule springAiMemoryUsesJdbcSpringAndJacksonOnly = classes()
            .that().resideInAPackage("dev.chatmigrate.memory.springai..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "org.springframework..", "tools.jackson..",
                    "dev.chatmigrate.memory.springai..", "dev.chatmigrate.memory.jdbc..");

    @ArchTest
    static final ArchRule langChain4jMemoryUsesJdbcLangChain4jAndJacksonOnly = classes()
            .that().resideInAPackage("dev.chatmigrate.memory.langchain4j..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "dev.langchain4j..", "com.fasterxml.jackson..",
                    "dev.chatmigrate.memory.langchain4j..", "dev.chatmigrate.memory.jdbc..");

    /** The shared chat memory JDBC code serves both frameworks, so it depends on JDBC only: no framework, no JSON library. */
    @ArchTest
    static final ArchRule chatMemoryJdbcUsesJdbcOnly = classes()
            .that().resideInAPackage("dev.chatmigrate.memory.jdbc..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "dev.chatmigrate.memory.jdbc..");

    @ArchTest
    static final ArchRule theStarterUsesEnginesOnlyThroughTheCore = noClasses()
            .that().resideInAPackage("dev.chatmigrate.spring..").and().resideOutsideOfPackage(BOOT_FLYWAY)
            .should().dependOnClassesThat().resideInAnyPackage("dev.chatmigrate.adapter..", "dev.chatmigrate.cli..", "org.flywaydb..", "liquibase..",
                    "org.apache.ibatis..");

    @ArchTest
    static final ArchRule modulesHaveNoCycles = slices()
            .matching("dev.chatmigrate.(*)..")
            .should().beFreeOfCycles();

    /** No two packages import each other, directly or around a loop: the API depends on the concept packages, never the reverse. */
    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices()
            .matching("dev.chatmigrate.(**)")
            .should().beFreeOfCycles();
}
