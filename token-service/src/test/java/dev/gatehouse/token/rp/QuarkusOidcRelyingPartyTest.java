package dev.gatehouse.token.rp;

import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.InstalledApp;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    /**
     * The same stock relying party as an installed app's client acting for a person (docs/security.md, "Apps acting
     * for people"): the company in the authorization request (an extra parameter), the person's sign-in and consent
     * pages, the code, the ID token quarkus-oidc verifies, and a refresh.
     */
    @Test
    void anInstalledAppAuthorizesThroughTheConsentPage() {
        InstalledApp app = InstalledApp.published(ISSUER + "/rp/me").installed();
        Accounts.Person person = Accounts.create();
        app.role(person.id(), app.company, "company_member");
        RelyingPartyTenant.issuer = ISSUER;
        RelyingPartyTenant.clientId = app.clientId;
        RelyingPartyTenant.clientSecret = app.client().secret();
        RelyingPartyTenant.companyId = app.company.toString();
        try {
            Browser browser = new Browser();
            Response start = browser.get("/rp/me");
            assertThat(start.statusCode()).isEqualTo(302);
            String authorize = PersonSignIn.local(start.getHeader("Location"));
            assertThat(authorize).contains("company_id=" + app.company).contains("code_challenge_method=S256");
            PersonSignIn.signIn(browser, PersonSignIn.local(browser.get(authorize).getHeader("Location")),
                    person.email(), Accounts.PASSWORD);
            Response consent = await().atMost(Duration.ofSeconds(30)).until(() -> browser.get(authorize),
                    r -> r.statusCode() == 200);
            assertThat(consent.asString()).contains(app.name).contains(InstalledApp.PUBLISHER);
            Response approved = browser.post("/oauth2/authorize/consent", Map.of("csrf_token",
                    PersonSignIn.csrf(consent.asString()), "ticket", ticket(consent.asString()), "decision",
                    "approve"));
            Response back = browser.get(PersonSignIn.local(approved.getHeader("Location")));
            assertThat(back.statusCode()).isEqualTo(302);
            Response callback = browser.get(PersonSignIn.local(back.getHeader("Location")));
            assertThat(callback.statusCode()).as(callback.asString()).isEqualTo(302);
            Response me = browser.get(PersonSignIn.local(callback.getHeader("Location")));
            assertThat(me.statusCode()).isEqualTo(200);
            String[] first = me.asString().split(" ");
            assertThat(first[0]).isEqualTo(person.id().toString());
            assertThat(first[1]).isEqualTo(person.email());
            Response again = browser.get("/rp/me");
            assertThat(again.asString().split(" ")[2]).as("the app's token was refreshed").isNotEqualTo(first[2]);
        } finally {
            RelyingPartyTenant.companyId = null;
        }
    }

    private static String ticket(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
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
