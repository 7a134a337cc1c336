package dev.gatehouse.token.clientadmin;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The platform-admin client exists from the first start and its tokens carry the platform_admin role. */
@QuarkusTest
class PlatformAdminBootstrapTest {

    @ConfigProperty(name = "gatehouse.token.admin-client-id")
    String adminId;

    @ConfigProperty(name = "gatehouse.token.admin-client-secret")
    String adminSecret;

    @Test
    void theConfiguredAdminClientGetsPlatformAdminTokens() throws Exception {
        String jwt = given().auth().preemptive().basic(adminId, adminSecret)
                .formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
        // the signature is checked by the protocol tests; here only what the token claims
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                .processToClaims(jwt);
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("platform_admin");
        assertThat(claims.getSubject()).isEqualTo(adminId);
        assertThat(claims.hasClaim("company_id")).isFalse();
    }

    @Test
    void companyServiceAccountsAreNeverPlatformAdmins() throws Exception {
        var sa = dev.gatehouse.token.ServiceAccounts.in(java.util.UUID.randomUUID()).create();
        String jwt = given().auth().preemptive().basic(sa.clientId(), sa.secret())
                .formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                .processToClaims(jwt);
        // Their only role says they act as their directory user (Edit Permissions), never platform_admin.
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("service_account");
    }
}
