package dev.gatehouse.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.gatehouse.events.permission.ScopeCatalogue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Rules every service's code keeps (ArchUnit). Each service runs them from its root package
 * ({@code dev.gatehouse.token}) with {@code class ServiceArchitectureTest extends ServiceArchitecture {}}.
 */
public abstract class ServiceArchitecture {

    private static final List<Class<? extends Annotation>> HTTP_METHODS = List.of(GET.class, POST.class, PUT.class,
            PATCH.class, DELETE.class);

    /**
     * The highest migration version this service shipped before the expand/contract rule held
     * ({@link ExpandContractRule}); those are history and may contract.
     */
    protected abstract int migrationsBeforeTheExpandContractRule();

    /**
     * During a rolling upgrade old and new replicas share the schema: every migration after the service's history
     * only expands, and contracts come a release after the code stopped using what they remove.
     */
    @Test
    void migrationsExpandNowAndContractOnlyAReleaseLater() throws IOException {
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(parent.find()).as("the module's pom names its parent's version").isTrue();
        assertThat(ExpandContractRule.violations(Path.of("src/main/resources/db/migration"),
                migrationsBeforeTheExpandContractRule(), parent.group(1))).isEmpty();
    }

    private JavaClasses classes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(getClass().getPackageName());
    }

    /**
     * A service is packaged by feature, and no two of its feature packages may depend on each other, directly or
     * round a longer loop: each package can then be read, changed and tested from the ones below it. Every package
     * under the root is one slice.
     */
    @Test
    void theServicesPackagesDependOnEachOtherWithoutACycle() {
        slices().matching(getClass().getPackageName() + ".(*)..").should().beFreeOfCycles().check(classes());
    }

    /**
     * Every HTTP operation says who may call it, in the annotation that both documents it in OpenAPI and is enforced
     * (libs/web's ApiSecurity and ScopeFilter): the scope it needs, any token, a platform admin's token only, or no
     * bearer token at all. An operation without one, or naming a scope outside the catalogue, refuses every token but a
     * platform admin's; this finds it first.
     */
    @Test
    void everyOperationDeclaresItsSecurity() {
        methods().that(new com.tngtech.archunit.base.DescribedPredicate<JavaMethod>("are HTTP operations") {
            @Override
            public boolean test(JavaMethod method) {
                return HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith);
            }
        }).should(new ArchCondition<JavaMethod>("declare @SecurityRequirement or @SecurityRequirementsSet, on "
                + "themselves or their class") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean declared = method.isAnnotatedWith(SecurityRequirement.class)
                        || method.isAnnotatedWith(SecurityRequirementsSet.class)
                        || method.getOwner().isAnnotatedWith(SecurityRequirement.class)
                        || method.getOwner().isAnnotatedWith(SecurityRequirementsSet.class);
                if (!declared) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " declares no security requirement"));
                }
                // A scope outside the catalogue would make ScopeFilter refuse everyone but platform admins.
                method.tryGetAnnotationOfType(SecurityRequirement.class).or(() -> method.getOwner()
                        .tryGetAnnotationOfType(SecurityRequirement.class)).ifPresent(requirement -> {
                            for (String scope : requirement.scopes()) {
                                if (ScopeCatalogue.byName(scope).isEmpty()) {
                                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                            + " names " + scope + ", which is not a scope of the catalogue"));
                                }
                            }
                        });
            }
        }).allowEmptyShould(false).check(classes());
    }
}
