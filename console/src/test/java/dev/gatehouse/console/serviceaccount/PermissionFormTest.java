package dev.gatehouse.console.serviceaccount;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Edit Permissions form: what the selects send ({@code tool=level}) becomes token-service's body, tools left at
 * none left out; and the form shows what the account has, so saving it unchanged changes nothing.
 */
class PermissionFormTest {

    @Test
    void theSelectsBecomeTheBodyWithoutTheToolsLeftAtNone() {
        PermissionForm form = PermissionForm.typed(List.of("directory=admin", "projects=none", "budget=read_only"),
                List.of("documents=standard", "rfis=none"), List.of("p1", "p2", "p1"), true);

        assertThat(form.body()).isEqualTo(Map.of(
                "companyPermissions", Map.of("directory", "admin", "budget", "read_only"),
                "projectPermissions", Map.of("documents", "standard"),
                "projectIds", List.of("p1", "p2"),
                "acknowledgeHighRisk", true));
        assertThat(form.companyLevel("directory")).isEqualTo("admin");
        assertThat(form.companyLevel("rfis")).as("not sent: none").isEqualTo("none");
    }

    @Test
    void aValueWithoutALevelIsSentForTokenServiceToName() {
        PermissionForm form = PermissionForm.typed(List.of("directory"), null, null, false);

        assertThat(form.body()).containsEntry("companyPermissions", Map.of("directory", ""))
                .containsEntry("projectIds", List.of());
    }

    @Test
    void theFormShowsTheAccountAsTokenServiceDescribesIt() {
        Map<String, Object> account = Map.of("serviceAccount", Map.of(
                "companyPermissions", Map.of("directory", "admin"),
                "projectPermissions", Map.of("documents", "read_only"),
                "projectIds", List.of("p1"), "highRisk", true));

        PermissionForm form = PermissionForm.of(account);

        assertThat(form.companyLevel("directory")).isEqualTo("admin");
        assertThat(form.projectLevel("documents")).isEqualTo("read_only");
        assertThat(form.projectIds()).containsExactly("p1");
        assertThat(form.acknowledgeHighRisk()).as("already acknowledged when it was given").isTrue();
        assertThat(PermissionForm.of(Map.of()).body()).containsEntry("companyPermissions", Map.of());
    }
}
