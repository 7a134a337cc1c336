package dev.gatehouse.token.signin;

import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.PersonSignIn.Browser;
import dev.gatehouse.token.PersonSignIn.Client;
import dev.gatehouse.token.PersonSignIn.Pkce;
import dev.gatehouse.token.PlatformClients;
import dev.gatehouse.token.TokenKeysResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The sign-in page and the authorization endpoint given what a careless or hostile caller sends. */
@QuarkusTest
class SignInPageTest {

    private Client client;
    private Browser browser;

    @BeforeEach
    void client() {
        client = PersonSignIn.firstPartyClient();
        browser = new Browser();
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
        String location = signInLocation();
        String wrong = attempt(location, TokenKeysResource.ADMIN_EMAIL, "not the password at all");
        String unknown = attempt(location, "nobody-" + UUID.randomUUID() + "@gatehouse.test", "not the password");
        assertThat(wrong).contains(SignInResource.WRONG);
        assertThat(unknown).contains(SignInResource.WRONG);
        assertThat(browser.cookie("gatehouse_session")).isNull();
    }

    @Test
    void aFormWithoutItsCsrfTokenSignsNobodyIn() {
        String location = signInLocation();
        browser.get(location);
        String returnTo = PersonSignIn.query("http://x" + location).get("return_to");
        Response forged = browser.post("/signin", Map.of("email", TokenKeysResource.ADMIN_EMAIL,
                "password", PersonSignIn.adminPassword(), "csrf_token", "gatehouse_csrf_guessed",
                "return_to", returnTo));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("Your sign-in form expired");
        assertThat(browser.cookie("gatehouse_session")).isNull();
    }

    @Test
    void repeatedFailuresOnOneAddressAreSlowedDownWithRetryAfter() {
        String location = signInLocation();
        String victim = "victim-" + UUID.randomUUID() + "@gatehouse.test";
        for (int i = 0; i < 3; i++) {
            attempt(location, victim, "guess number " + i);
        }
        Response page = browser.get(location);
        Response slowed = browser.post("/signin", Map.of("email", victim, "password", "one more guess",
                "csrf_token", PersonSignIn.csrf(page.asString()), "return_to", returnTo(location)));
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(slowed.getHeader("Retry-After"))).isPositive();
    }

    @Test
    void afterSignInTheBrowserGoesNowhereButThisServer() {
        Response page = browser.get("/signin?return_to=https://evil.example/");
        assertThat(page.asString()).doesNotContain("evil.example");
        Response posted = browser.post("/signin", Map.of("email", TokenKeysResource.ADMIN_EMAIL,
                "password", PersonSignIn.adminPassword(), "csrf_token", PersonSignIn.csrf(page.asString()),
                "return_to", "//evil.example/oauth2/authorize?x=1"));
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(PersonSignIn.local(posted.getHeader("Location"))).isEqualTo("/signin");
        assertThat(browser.get("/signin").asString()).contains("You are signed in");
    }

    @Test
    void anUnknownClientOrAnUnregisteredRedirectUriGetsAPageAndNoRedirect() {
        Response unknown = browser.get("/oauth2/authorize?response_type=code&client_id=fp_nope&state=s");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.getHeader("Location")).isNull();
        assertThat(unknown.asString()).contains("is not known to Gatehouse");
        Pkce pkce = Pkce.fresh();
        Response wrongRedirect = browser.get(client.authorizeUrl(pkce, "").replace("app.example%2Fcallback",
                "evil.example%2Fcallback"));
        assertThat(wrongRedirect.statusCode()).isEqualTo(400);
        assertThat(wrongRedirect.getHeader("Location")).isNull();
        Response confidentialWithoutCode = browser.get("/oauth2/authorize?response_type=code&client_id="
                + PlatformClients.create().clientId());
        assertThat(confidentialWithoutCode.statusCode()).as("a machine client cannot sign people in")
                .isEqualTo(400);
    }

    @Test
    void malformedRequestsGoBackToTheClientWithTheRfcError() {
        assertError("", "&code_challenge_method=plain", "invalid_request");
        assertError("", "&code_challenge=short", "invalid_request");
        assertError("", "&response_type=token", "invalid_request");
        Pkce pkce = Pkce.fresh();
        Response noPkce = browser.get("/oauth2/authorize?response_type=code&client_id=" + client.clientId()
                + "&state=" + pkce.state());
        assertThat(PersonSignIn.query(noPkce.getHeader("Location"))).containsEntry("error", "invalid_request")
                .containsEntry("state", pkce.state());
        Response implicit = browser.get("/oauth2/authorize?response_type=token&client_id=" + client.clientId());
        assertThat(PersonSignIn.query(implicit.getHeader("Location")))
                .containsEntry("error", "unsupported_response_type");
        Response scope = browser.get(client.authorizeUrl(pkce, "").replace("scope=openid", "scope=openid+admin"));
        assertThat(PersonSignIn.query(scope.getHeader("Location"))).containsEntry("error", "invalid_scope");
        Response requestUri = browser.get(client.authorizeUrl(pkce, "&request_uri=urn:x"));
        assertThat(PersonSignIn.query(requestUri.getHeader("Location")))
                .containsEntry("error", "request_uri_not_supported");
    }

    @Test
    void aPublicClientExchangesItsCodeWithPkceAloneAndHasNoSecret() {
        var created = given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "cli " + UUID.randomUUID(), "redirectUris", List.of("http://127.0.0.1:8765/cb"),
                        "publicClient", true))
                .post("/first-party-clients").then().statusCode(201).body("clientSecret", nullValue())
                .body("client.tokenEndpointAuthMethods", equalTo(List.of("none"))).extract().jsonPath();
        String clientId = created.getString("clientId");
        Pkce pkce = Pkce.fresh();
        String url = "/oauth2/authorize?response_type=code&client_id=" + clientId + "&scope=openid&state="
                + pkce.state() + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";
        Response first = browser.get(url);
        PersonSignIn.signIn(browser, PersonSignIn.local(first.getHeader("Location")), TokenKeysResource.ADMIN_EMAIL,
                PersonSignIn.adminPassword());
        Response back = browser.get(url);
        assertThat(back.getHeader("Location")).startsWith("http://127.0.0.1:8765/cb?code=");
        String code = PersonSignIn.query(back.getHeader("Location")).get("code");
        given().formParam("grant_type", "authorization_code").formParam("client_id", clientId)
                .formParam("code", code).formParam("code_verifier", pkce.verifier()).post("/oauth2/token")
                .then().statusCode(200).body("refresh_token", org.hamcrest.Matchers.startsWith("gatehouse_rt_"));
        given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON).body("{}")
                .post("/first-party-clients/" + clientId + "/secrets")
                .then().statusCode(409);
        // A confidential client may not leave its secret out.
        given().formParam("grant_type", "authorization_code").formParam("client_id", client.clientId())
                .formParam("code", "gatehouse_ac_x").formParam("code_verifier", pkce.verifier())
                .post("/oauth2/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void redirectUrisMustBeExactHttpsOrLoopback() {
        for (String bad : List.of("http://app.example/cb", "https://app.example/cb#frag", "/relative",
                "javascript:alert(1)")) {
            given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON)
                    .body(Map.of("name", "bad " + UUID.randomUUID(), "redirectUris", List.of(bad)))
                    .post("/first-party-clients").then().statusCode(400)
                    .body("errors[0].field", equalTo("redirectUris"));
        }
    }

    private void assertError(String unused, String extra, String error) {
        Pkce pkce = Pkce.fresh();
        String url = client.authorizeUrl(pkce, "");
        if (extra.startsWith("&code_challenge_method=")) {
            url = url.replace("&code_challenge_method=S256", extra);
        } else if (extra.startsWith("&code_challenge=")) {
            url = url.replace("&code_challenge=" + pkce.challenge(), extra);
        } else {
            url = url.replace("response_type=code", extra.substring(1)).replace("response_type=token",
                    "response_type=code&response_type=token");
        }
        Response response = browser.get(url);
        assertThat(response.statusCode()).as(url).isEqualTo(302);
        assertThat(PersonSignIn.query(response.getHeader("Location"))).containsEntry("error", error)
                .containsEntry("state", pkce.state());
    }

    private String signInLocation() {
        Response first = browser.get(client.authorizeUrl(Pkce.fresh(), ""));
        return PersonSignIn.local(first.getHeader("Location"));
    }

    private String attempt(String location, String email, String password) {
        Response page = browser.get(location);
        Response posted = browser.post("/signin", Map.of("email", email, "password", password,
                "csrf_token", PersonSignIn.csrf(page.asString()), "return_to", returnTo(location)));
        assertThat(posted.statusCode()).isEqualTo(200);
        return posted.asString();
    }

    private static String returnTo(String location) {
        return PersonSignIn.query("http://x" + location).get("return_to");
    }
}
