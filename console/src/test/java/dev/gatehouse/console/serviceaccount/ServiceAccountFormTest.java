package dev.gatehouse.console.serviceaccount;

import dev.gatehouse.console.api.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service account's details form: sent as token-service reads them, a lifetime that is no number refused. */
class ServiceAccountFormTest {

    @Test
    void theDetailsAreSentWithTheLifetimeAsANumberAndTheScopesAlways() {
        ServiceAccountForm form = new ServiceAccountForm("Nightly", null, " 900 ", null);

        assertThat(form.body()).isEqualTo(Map.of("name", "Nightly", "description", "", "scopes", List.of(),
                "tokenLifetimeSeconds", 900));
        assertThat(new ServiceAccountForm("Nightly", "", "", List.of("directory.read")).body())
                .doesNotContainKey("tokenLifetimeSeconds").containsEntry("scopes", List.of("directory.read"));
    }

    @Test
    void aLifetimeThatIsNoWholeNumberIsAFieldErrorBeforeAnyCall() {
        assertThatThrownBy(() -> new ServiceAccountForm("Nightly", "", "an hour", List.of()).body())
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.fieldErrors())
                        .containsEntry("tokenLifetimeSeconds", "must be a whole number of seconds"));
    }

    @Test
    void theFormShowsTheAccountAsStored() {
        ServiceAccountForm form = ServiceAccountForm.of(Map.of("name", "Nightly", "tokenLifetimeSeconds", 1200,
                "scopes", List.of("projects.read")));

        assertThat(form).isEqualTo(new ServiceAccountForm("Nightly", "", "1200", List.of("projects.read")));
    }
}
