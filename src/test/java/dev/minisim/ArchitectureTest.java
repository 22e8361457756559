package dev.minisim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, "the package cycles cut, with an architecture test that keeps them out"; STYLE.md,
 * "Logic that knows no screen": only the window (and the command that opens it) imports JavaFX.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.minisim");
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("dev.minisim.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheWindowKnowsJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.minisim.ui..", "dev.minisim.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..").check(classes);
    }

    @Test
    void theTemplateEngineKnowsNothingOfTheSimulation() {
        noClasses().that().resideInAPackage("dev.minisim.view..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.minisim.app..", "dev.minisim.api..",
                        "dev.minisim.screen..", "dev.minisim.scenario..", "dev.minisim.plugin..", "dev.minisim.user..",
                        "dev.minisim.ui..", "dev.minisim.cli..")
                .check(classes);
    }
}
