package dev.gatehouse.token.clientadmin;

import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.AppClients;
import dev.gatehouse.token.ServiceAccounts;
import dev.gatehouse.token.client.SecretHasher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** The secret operations of an app's client, for its organization's developers. */
@QuarkusTest
class AppClientResourceTest {

    private UUID org;
    private ClientResponses.Created app;
    private String developer;

    @BeforeEach
    void appClient() {
        org = UUID.randomUUID();
        app = AppClients.createFor(org);
        developer = TestTokens.developer(org).sign();
    }

    @Test
    void developersRotateAndRegenerateTheirAppsSecret() {
        String body = given().auth().oauth2(developer).get("/clients/" + app.clientId()).then().statusCode(200)
                .body("owner.type", equalTo("developer_org"))
                .body("secrets", hasSize(1)).extract().asString();
        assertThat(body).doesNotContain(app.clientSecret());

        String rotated = given().auth().oauth2(developer).contentType(ContentType.JSON).body("{}")
                .post("/clients/" + app.clientId() + "/secrets").then().statusCode(201)
                .header("Cache-Control", "no-store").body("clientSecret", startsWith(SecretHasher.PREFIX))
                .extract().path("clientSecret");
        grant(rotated).then().statusCode(200);
        grant(app.clientSecret()).then().statusCode(200);

        String fresh = given().auth().oauth2(developer).post("/clients/" + app.clientId() + "/regenerate-secret")
                .then().statusCode(201).extract().path("clientSecret");
        grant(rotated).then().statusCode(401);
        grant(fresh).then().statusCode(200);
    }

    @Test
    void onlyTheOwningOrganizationsDevelopersGetIn() {
        given().auth().oauth2(TestTokens.developer(UUID.randomUUID()).sign()).get("/clients/" + app.clientId())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.companyAdmin(org).sign()).get("/clients/" + app.clientId())
                .then().statusCode(403);
        given().get("/clients/" + app.clientId()).then().statusCode(401);
    }

    @Test
    void aCompanyServiceAccountIsNotAnAppClient() {
        ServiceAccounts.Created sa = ServiceAccounts.in(UUID.randomUUID()).create();
        given().auth().oauth2(TestTokens.platformAdmin().sign()).get("/clients/" + sa.clientId())
                .then().statusCode(404);
    }

    private io.restassured.response.Response grant(String secret) {
        return given().auth().preemptive().basic(app.clientId(), secret).formParam("grant_type", "client_credentials")
                .post("/oauth2/token");
    }
}
