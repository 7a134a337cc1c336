package dev.gatehouse.token.rp;

import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.PersonSignIn.Browser;
import dev.gatehouse.token.PlatformClients;
import dev.gatehouse.token.TokenKeysResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stock quarkus-oidc, as a {@code web-app} relying party configured from discovery, against token-service: the
 * authorization code flow with PKCE through the sign-in form, a refresh of the tokens it holds, and RP-initiated
 * logout that signs the person out of Gatehouse too. The issuer is this test's own address, as in a deployment.
 */
@QuarkusTest
@TestProfile(QuarkusOidcRelyingPartyTest.OwnIssuer.class)
class QuarkusOidcRelyingPartyTest {

    static final int PORT = 18083;
    static final String ISSUER = "http://localhost:" + PORT;

    /** token-service answers as the issuer at its own test address, so discovery's URLs are reachable. */
    public static class OwnIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The pages are guarded by an HTTP permission, so an unauthenticated browser gets quarkus-oidc's
            // challenge (the redirect to sign in), not the API's 401 problem mapper.
            return Map.of("quarkus.http.test-port", String.valueOf(PORT), "gatehouse.token.issuer", ISSUER,
                    "quarkus.http.auth.permission.rp.paths", "/rp/me,/rp/logout",
                    "quarkus.http.auth.permission.rp.policy", "authenticated");
        }
    }

    @Test
    void signsInRefreshesAndLogsOutThroughDiscovery() {
        assertThat(given().get("/.well-known/openid-configuration").jsonPath().getString("issuer")).isEqualTo(ISSUER);
        JsonPath client = given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "quarkus-oidc rp", "redirectUris", List.of(ISSUER + "/rp/me"),
                        "postLogoutRedirectUris", List.of(ISSUER + "/rp/bye")))
                .post("/first-party-clients").then().statusCode(201).extract().jsonPath();
        RelyingPartyTenant.issuer = ISSUER;
        RelyingPartyTenant.clientId = client.getString("clientId");
        RelyingPartyTenant.clientSecret = client.getString("clientSecret");
        Browser browser = new Browser();

        Response start = browser.get("/rp/me");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = PersonSignIn.local(start.getHeader("Location"));
        assertThat(authorize).startsWith("/oauth2/authorize?").contains("code_challenge_method=S256");
        Response toSignIn = browser.get(authorize);
        PersonSignIn.signIn(browser, PersonSignIn.local(toSignIn.getHeader("Location")),
                TokenKeysResource.ADMIN_EMAIL, PersonSignIn.adminPassword());
        Response back = browser.get(authorize);
        assertThat(back.statusCode()).isEqualTo(302);
        Response callback = browser.get(PersonSignIn.local(back.getHeader("Location")));
        assertThat(callback.statusCode()).as(callback.asString()).isEqualTo(302);
        Response me = browser.get(PersonSignIn.local(callback.getHeader("Location")));
        assertThat(me.statusCode()).isEqualTo(200);
        String[] first = me.asString().split(" ");
        assertThat(first[1]).isEqualTo(TokenKeysResource.ADMIN_EMAIL);

        Response again = browser.get("/rp/me");
        assertThat(again.statusCode()).isEqualTo(200);
        String[] second = again.asString().split(" ");
        assertThat(second[0]).isEqualTo(first[0]);
        assertThat(second[2]).as("the access token was refreshed").isNotEqualTo(first[2]);

        Response logout = browser.get("/rp/logout");
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = PersonSignIn.local(logout.getHeader("Location"));
        assertThat(endSession).startsWith("/oauth2/logout?").contains("id_token_hint=");
        Response ended = browser.get(endSession);
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(PersonSignIn.local(ended.getHeader("Location"))).startsWith("/rp/bye");
        assertThat(browser.get(PersonSignIn.local(ended.getHeader("Location"))).asString()).isEqualTo("bye");

        Response afterwards = browser.get("/rp/me");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        Response signInAgain = browser.get(PersonSignIn.local(afterwards.getHeader("Location")));
        assertThat(signInAgain.statusCode()).as("signed out of Gatehouse too: the form again").isEqualTo(303);
    }
}
