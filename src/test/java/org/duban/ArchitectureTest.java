package org.duban;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Module boundaries. Each top-level package under org.duban is a feature; the UI talks to services, never to
 * repositories or the engine; the parser stays free of Spring and persistence so the command line can run it alone.
 */
@AnalyzeClasses(packages = "org.duban", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule uiUsesServicesNotRepositories = noClasses().that().resideInAPackage("org.duban.ui..")
            .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
            .because("views call services, which hold the rules and the transactions");

    @ArchTest
    static final ArchRule uiDoesNotDriveTheEngineDirectly = noClasses().that().resideInAPackage("org.duban.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine..")
            .because("process state changes go through Duban's services, which keep business data consistent");

    @ArchTest
    static final ArchRule parserIsPlainJava = noClasses().that().resideInAPackage("org.duban.catalog.parse..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.camunda..")
            .because("`catalog parse` runs without Spring or a database");

    @ArchTest
    static final ArchRule featuresDoNotDependOnTheUi = noClasses().that().resideOutsideOfPackage("org.duban.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.duban.ui..")
            .allowEmptyShould(true)
            .because("the UI sits on top; nothing below it may reach up");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("org.duban.(*)..")
            .should().beFreeOfCycles();
}
