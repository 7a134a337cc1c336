package dev.gatehouse.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * A service is packaged by feature, and no two of its feature packages may depend on each other, directly or round
 * a longer loop: each package can then be read, changed and tested from the ones below it. Each service runs it from
 * its root package ({@code dev.gatehouse.token}) with {@code class PackageCyclesTest extends PackageCycles {}}, so
 * every package under that root is one slice (ArchUnit).
 */
public abstract class PackageCycles {

    @Test
    void theServicesPackagesDependOnEachOtherWithoutACycle() {
        String root = getClass().getPackageName();
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
