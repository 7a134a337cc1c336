package dev.gatehouse.token.clientadmin;

import dev.gatehouse.testsupport.Sql;
import dev.gatehouse.token.PlatformClients;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The platform-admin runbook: another platform client, its secret rotated and revoked, disabled with its tokens cut
 * off on every service, and never the last enabled one.
 */
@QuarkusTest
class PlatformClientResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "gatehouse.token.admin-client-id")
    String bootstrapId;

    @Test
    void aSecondPlatformClientGetsPlatformAdminTokensAndItsSecretRotates() throws Exception {
        PlatformClients.Created created = PlatformClients.create();
        assertThat(created.clientId()).startsWith("pa_");
        JwtClaims claims = claims(token(created.clientId(), created.secret()));
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("platform_admin");

        String rotated = given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON).body("{}")
                .post(created.path() + "/secrets").then().statusCode(201)
                .header("Cache-Control", "no-store").extract().path("clientSecret");
        token(created.clientId(), rotated);
        token(created.clientId(), created.secret());
        given().auth().oauth2(PlatformClients.admin()).delete(created.secretPath()).then().statusCode(200);
        given().auth().preemptive().basic(created.clientId(), created.secret())
                .formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        token(created.clientId(), rotated);

        List<String> listed = given().auth().oauth2(PlatformClients.admin()).get(PlatformClients.BASE)
                .then().statusCode(200).extract().jsonPath().getList("items.clientId", String.class);
        assertThat(listed).contains(bootstrapId, created.clientId());
        assertThat(given().auth().oauth2(PlatformClients.admin()).get(PlatformClients.BASE).asString())
                .doesNotContain(rotated);
    }

    @Test
    void disablingAPlatformClientCutsOffItsTokensEverywhere() throws Exception {
        PlatformClients.Created created = PlatformClients.create();
        token(created.clientId(), created.secret());

        given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON)
                .body("{\"reason\": \"leaked\"}").post(created.path() + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false));

        given().auth().preemptive().basic(created.clientId(), created.secret())
                .formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        assertThat(Sql.count(dataSource, "select count(*) from outbox_event where event_type = 'TokenRevoked' "
                + "and topic = 'token.revocation.v1' and kafka_key = ? "
                + "and envelope->'payload'->>'reason' = 'client_disabled'", created.clientId())).isEqualTo(1);
    }

    @Test
    void theLastEnabledPlatformClientCannotBeDisabledOrDeleted() {
        // Leave the bootstrap client as the only enabled one.
        JsonPath all = given().auth().oauth2(PlatformClients.admin()).queryParam("limit", 100)
                .get(PlatformClients.BASE).then().statusCode(200).extract().jsonPath();
        List<String> ids = all.getList("items.clientId", String.class);
        List<Boolean> enabled = all.getList("items.enabled", Boolean.class);
        for (int i = 0; i < ids.size(); i++) {
            if (enabled.get(i) && !ids.get(i).equals(bootstrapId)) {
                given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON).body("{}")
                        .post(PlatformClients.BASE + "/" + ids.get(i) + "/disable").then().statusCode(200);
            }
        }

        given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON).body("{}")
                .post(PlatformClients.BASE + "/" + bootstrapId + "/disable").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", startsWith("https://")).body("detail", org.hamcrest.Matchers.containsString(
                        "POST /platform-clients"));
        given().auth().oauth2(PlatformClients.admin()).delete(PlatformClients.BASE + "/" + bootstrapId)
                .then().statusCode(409);

        given().auth().oauth2(PlatformClients.admin()).get(PlatformClients.BASE + "/" + bootstrapId)
                .then().statusCode(200).body("enabled", equalTo(true));

        // While another is enabled, either may go.
        PlatformClients.Created spare = PlatformClients.create();
        given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON).body("{}")
                .post(spare.path() + "/disable").then().statusCode(200);
        given().auth().oauth2(PlatformClients.admin()).post(spare.path() + "/enable").then().statusCode(200);
        given().auth().oauth2(PlatformClients.admin()).delete(spare.path()).then().statusCode(204);
    }

    private static String token(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    private static JwtClaims claims(String jwt) throws Exception {
        return new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                .processToClaims(jwt);
    }
}
