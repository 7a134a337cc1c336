package dev.gatehouse.token.endpoint;

import dev.gatehouse.testsupport.Sql;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.PlatformClients;
import dev.gatehouse.token.ServiceAccounts;
import dev.gatehouse.token.issue.AccessTokenIssuer;
import dev.gatehouse.token.issue.RevocationList;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** RFC 7662 introspection and RFC 7009 revocation, as a resource server and a client would use them. */
@QuarkusTest
class IntrospectionAndRevocationTest {

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RevocationList revocations;

    private UUID company;
    private ServiceAccounts.Created client;
    /** Plays the resource server that introspects. */
    private ServiceAccounts.Created resourceServer;

    @BeforeEach
    void clients() {
        company = UUID.randomUUID();
        client = ServiceAccounts.in(company).scopes("projects.read").create();
        resourceServer = ServiceAccounts.in(company).resourceServer();
    }

    @Test
    void anActiveTokenIntrospectsWithItsClaims() {
        String token = token(client);
        introspect(token).statusCode(200).header("Cache-Control", "no-store")
                .body("active", equalTo(true))
                .body("client_id", equalTo(client.clientId()))
                .body("sub", equalTo(client.userId().toString()))
                .body("scope", equalTo("projects.read"))
                .body("token_type", equalTo("Bearer"))
                .body("iss", equalTo(TestTokens.ISSUER))
                .body("aud", equalTo(List.of("gatehouse")))
                .body("company_id", equalTo(company.toString()));
    }

    @Test
    void garbageForeignAndExpiredTokensAreInactive() {
        introspect("not-a-token").statusCode(200).body("active", equalTo(false));
        introspect(TestTokens.platformAdmin().sign()).body("active", equalTo(false));
        String expired = issuer.issue(client.clientId(), client.clientId(), company, List.of(), List.of(), -10, "RS256")
                .value();
        introspect(expired).body("active", equalTo(false));
        // an inactive answer says nothing more
        assertThat(introspect(expired).extract().asString()).isEqualTo("{\"active\":false}");
    }

    @Test
    void onlyTheTokensOwnClientPlatformClientsAndTheCompanysResourceServersLearnWhatATokenIs() {
        String token = token(client);
        ServiceAccounts.Created otherCompanysServer = ServiceAccounts.in(UUID.randomUUID()).resourceServer();
        ServiceAccounts.Created sameCompanyWithoutScope = ServiceAccounts.in(company).create();
        PlatformClients.Created platform = PlatformClients.create();

        // RFC 7662 §4: anyone else learns nothing, not even that the token exists.
        assertThat(introspectAs(otherCompanysServer.clientId(), otherCompanysServer.secret(), token)
                .extract().asString()).isEqualTo("{\"active\":false}");
        introspectAs(sameCompanyWithoutScope.clientId(), sameCompanyWithoutScope.secret(), token)
                .body("active", equalTo(false));

        introspectAs(client.clientId(), client.secret(), token).body("active", equalTo(true));
        introspectAs(platform.clientId(), platform.secret(), token).body("active", equalTo(true))
                .body("company_id", equalTo(company.toString()));
        introspect(token).body("active", equalTo(true));
    }

    @Test
    void aJsonBodyOnTheOAuthEndpointsIsAnOAuthErrorThatAsksForAForm() {
        for (String path : new String[] {"/oauth2/introspect", "/oauth2/revoke", "/oauth2/token"}) {
            given().auth().preemptive().basic(resourceServer.clientId(), resourceServer.secret())
                    .contentType(ContentType.JSON).body("{\"token\": \"x\"}").post(path).then().statusCode(400)
                    .contentType("application/json").body("error", equalTo("invalid_request"))
                    .body("error_description", containsString("x-www-form-urlencoded"));
        }
    }

    @Test
    void introspectionRequiresClientAuthenticationAndAToken() {
        given().formParam("token", "x").post("/oauth2/introspect").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(resourceServer.clientId(), resourceServer.secret())
                .post("/oauth2/introspect").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aClientRevokesItsOwnTokenAndOnlyItsOwn() throws Exception {
        String token = token(client);
        given().auth().preemptive().basic(resourceServer.clientId(), resourceServer.secret())
                .formParam("token", token).post("/oauth2/revoke")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
        introspect(token).body("active", equalTo(true));

        given().auth().preemptive().basic(client.clientId(), client.secret()).formParam("token", token)
                .formParam("token_type_hint", "access_token").post("/oauth2/revoke").then().statusCode(200);
        introspect(token).body("active", equalTo(false));
        assertThat(count("select count(*) from outbox_event where event_type = 'TokenRevoked' and kafka_key = ? "
                + "and envelope->'payload'->>'jti' is not null and envelope->'payload'->>'expiresAt' is not null "
                + "and envelope->>'companyId' = '" + company + "'", client.clientId())).isEqualTo(1);

        // RFC 7009 §2.2: an invalid token is not an error
        given().auth().preemptive().basic(client.clientId(), client.secret()).formParam("token", "whatever")
                .post("/oauth2/revoke").then().statusCode(200);
    }

    @Test
    void aMintThenRevokeLoopCannotGrowTheRevocationsHeldInMemory() {
        // The test profile budgets 20 one-by-one revocations per client per hour.
        int before = revocations.size();
        int revoked = 0;
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            String token = token(client);
            int status = given().auth().preemptive().basic(client.clientId(), client.secret())
                    .formParam("token", token).post("/oauth2/revoke").then().extract().statusCode();
            if (status == 200) {
                revoked++;
            } else {
                refused++;
                assertThat(status).isEqualTo(429);
            }
        }
        assertThat(revoked).isEqualTo(20);
        assertThat(refused).isEqualTo(10);
        assertThat(revocations.size() - before).as("entries added in memory").isLessThanOrEqualTo(20);

        String last = token(client);
        given().auth().preemptive().basic(client.clientId(), client.secret()).formParam("token", last)
                .post("/oauth2/revoke").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue()).body("error", equalTo("slow_down"));
        // Revoking all at once still works, and costs one entry.
        given().auth().oauth2(client.admin()).post(client.path() + "/revoke-tokens").then().statusCode(200);
        introspect(last).body("active", equalTo(false));
    }

    @Test
    void revokeAllDisableAndDeleteEndTheTokensOfAClientAndTellEveryResourceServer() throws Exception {
        String before = token(client);
        given().auth().oauth2(client.admin()).post(client.path() + "/revoke-tokens").then().statusCode(200);
        introspect(before).body("active", equalTo(false));

        // Asked for at once: the grant waits out the cut-off's second, so the new token is alive, not dead on arrival.
        String after = token(client);
        introspect(after).body("active", equalTo(true));

        given().auth().oauth2(client.admin()).contentType(ContentType.JSON).body("{\"reason\": \"audit\"}")
                .post(client.path() + "/disable").then().statusCode(200);
        introspect(after).body("active", equalTo(false));
        given().auth().oauth2(client.admin()).post(client.path() + "/enable").then().statusCode(200);
        // Disabling killed the tokens for good: enabling lets the client get new ones, not use the old.
        introspect(after).body("active", equalTo(false));
        String afterEnable = token(client);
        introspect(afterEnable).body("active", equalTo(true));

        given().auth().oauth2(client.admin()).delete(client.path()).then().statusCode(204);
        introspect(afterEnable).body("active", equalTo(false));

        // Each cut-off is announced on token.revocation.v1 with the client's company and the cutoff instant.
        assertThat(count("select count(*) from outbox_event where event_type = 'TokenRevoked' and kafka_key = ? "
                + "and topic = 'token.revocation.v1' and envelope->'payload'->>'issuedBefore' is not null "
                + "and envelope->'payload'->>'companyId' = '" + company + "' "
                + "and envelope->'payload'->>'reason' in ('revoke_all', 'client_disabled', 'client_deleted')",
                client.clientId())).isEqualTo(3);
    }

    @Test
    void aTokenSignedByARetiredKeyIsInactive() {
        ServiceAccounts.Created es = ServiceAccounts.in(company).algorithm("ES256").create();
        String token = token(es);
        String platformAdmin = TestTokens.platformAdmin().sign();
        given().auth().oauth2(platformAdmin).post("/signing-keys/rotate?algorithm=ES256").then().statusCode(200);
        introspect(token).body("active", equalTo(true));
        given().auth().oauth2(platformAdmin).post("/signing-keys/rotate?algorithm=ES256").then().statusCode(200);
        introspect(token).body("active", equalTo(false));
    }

    private ValidatableResponse introspect(String token) {
        return introspectAs(resourceServer.clientId(), resourceServer.secret(), token);
    }

    private static ValidatableResponse introspectAs(String clientId, String secret, String token) {
        return given().auth().preemptive().basic(clientId, secret)
                .formParam("token", token).post("/oauth2/introspect").then().statusCode(200);
    }

    private static String token(ServiceAccounts.Created c) {
        return given().auth().preemptive().basic(c.clientId(), c.secret()).formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    private long count(String sql, Object param) throws Exception {
        return Sql.count(dataSource, sql, param);
    }
}
