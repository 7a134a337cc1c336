package dev.gatehouse.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The console's code keeps its shape (ArchUnit), as the services' ServiceArchitecture does for theirs. */
class ConsoleArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.gatehouse.console");

    /** Packaged by page (home, company, serviceaccount, …) over session, api and web, with no loop between them. */
    @Test
    void thePackagesDependOnEachOtherWithoutACycle() {
        slices().matching("dev.gatehouse.console.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Sessions and API calls know nothing of pages: the pages use them, never the other way round. */
    @Test
    void sessionsAndApiCallsDoNotDependOnPages() {
        noClasses().that().resideInAnyPackage("dev.gatehouse.console.session..", "dev.gatehouse.console.api..")
                .should().dependOnClassesThat(resideInAPackage("dev.gatehouse.console..")
                        .and(not(resideInAnyPackage("dev.gatehouse.console", "dev.gatehouse.console.session..",
                                "dev.gatehouse.console.api.."))))
                .check(CLASSES);
    }
}
