package dev.gatehouse.events.permission;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeCatalogueTest {

    private static Scope scope(String name) {
        return ScopeCatalogue.byName(name).orElseThrow();
    }

    @Test
    void everyToolHasAReadAWriteAndAnAdminScopeAtItsLevel() {
        for (Tool tool : Tool.values()) {
            assertThat(scope(tool.wireName() + ".read").level()).isEqualTo(AccessLevel.READ_ONLY);
            assertThat(scope(tool.wireName() + ".write").level()).isEqualTo(AccessLevel.STANDARD);
            assertThat(scope(tool.wireName() + ".admin").level()).isEqualTo(AccessLevel.ADMIN);
            assertThat(scope(tool.wireName() + ".read").kind()).isEqualTo(Scope.Kind.TOOL);
        }
        assertThat(scope("app_management.write").kind()).isEqualTo(Scope.Kind.GATEHOUSE);
        assertThat(ScopeCatalogue.names()).doesNotHaveDuplicates().contains("token.introspect", "audit.read");
    }

    @Test
    void aHigherLevelOfTheSameToolCoversALowerOneAndNothingElseDoes() {
        assertThat(ScopeCatalogue.covers(List.of("projects.admin"), scope("projects.read"))).isTrue();
        assertThat(ScopeCatalogue.covers(List.of("projects.write"), scope("projects.write"))).isTrue();
        assertThat(ScopeCatalogue.covers(List.of("projects.read"), scope("projects.write"))).isFalse();
        assertThat(ScopeCatalogue.covers(List.of("documents.admin"), scope("projects.read"))).isFalse();
        assertThat(ScopeCatalogue.covers(List.of("openid", "projects", ""), scope("projects.read"))).isFalse();
        assertThat(ScopeCatalogue.covers(List.of(), scope("audit.read"))).isFalse();
    }

    @Test
    void namesOutsideTheCatalogueAreReportedInOrder() {
        assertThat(ScopeCatalogue.unknown(List.of("budget.read", "budget.delete", "Projects.read")))
                .containsExactly("budget.delete", "Projects.read");
    }
}
