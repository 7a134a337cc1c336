package dev.gatehouse.token.endpoint;

import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.ServiceAccounts;
import dev.gatehouse.token.issue.AccessTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gatehouse.testsupport.Sql;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** RFC 7662 introspection and RFC 7009 revocation, as a resource server and a client would use them. */
@QuarkusTest
class IntrospectionAndRevocationTest {

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    AgroalDataSource dataSource;

    private UUID company;
    private ServiceAccounts.Created client;
    /** Plays the resource server that introspects. */
    private ServiceAccounts.Created resourceServer;

    @BeforeEach
    void clients() {
        company = UUID.randomUUID();
        client = ServiceAccounts.in(company).scopes("projects.read").create();
        resourceServer = ServiceAccounts.in(company).create();
    }

    @Test
    void anActiveTokenIntrospectsWithItsClaims() {
        String token = token(client);
        introspect(token).statusCode(200).header("Cache-Control", "no-store")
                .body("active", equalTo(true))
                .body("client_id", equalTo(client.clientId()))
                .body("sub", equalTo(client.clientId()))
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
        assertThat(count("select count(*) from outbox_event where event_type = 'TokenRevoked' and kafka_key = ?",
                client.clientId())).isEqualTo(1);

        // RFC 7009 §2.2: an invalid token is not an error
        given().auth().preemptive().basic(client.clientId(), client.secret()).formParam("token", "whatever")
                .post("/oauth2/revoke").then().statusCode(200);
    }

    @Test
    void revokeAllDisableAndDeleteEndTheTokensOfAClient() {
        String before = token(client);
        given().auth().oauth2(client.admin()).post(client.path() + "/revoke-tokens").then().statusCode(200);
        introspect(before).body("active", equalTo(false));

        String after = awaitTokenAfterCutoff();
        introspect(after).body("active", equalTo(true));

        given().auth().oauth2(client.admin()).contentType(ContentType.JSON).body("{\"reason\": \"audit\"}")
                .post(client.path() + "/disable").then().statusCode(200);
        introspect(after).body("active", equalTo(false));
        given().auth().oauth2(client.admin()).post(client.path() + "/enable").then().statusCode(200);
        introspect(after).body("active", equalTo(true));

        given().auth().oauth2(client.admin()).delete(client.path()).then().statusCode(204);
        introspect(after).body("active", equalTo(false));
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

    /** Tokens carry whole seconds; the revoke-all cutoff is the next second, so wait it out. */
    private String awaitTokenAfterCutoff() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return token(client);
    }

    private ValidatableResponse introspect(String token) {
        return given().auth().preemptive().basic(resourceServer.clientId(), resourceServer.secret())
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
