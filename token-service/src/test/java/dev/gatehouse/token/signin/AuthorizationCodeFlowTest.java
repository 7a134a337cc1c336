package dev.gatehouse.token.signin;

import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.PersonSignIn.Browser;
import dev.gatehouse.token.PersonSignIn.Client;
import dev.gatehouse.token.PersonSignIn.Pkce;
import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.TokenKeysResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A person signs in through the authorization code flow with PKCE, driven as a program drives a browser: the
 * tokens they get, refresh with rotation and reuse detection, a replayed code, userinfo, prompt and logout.
 */
@QuarkusTest
class AuthorizationCodeFlowTest {

    /** What a first-party sign-in that names no catalogue scope gets: OpenID Connect's asked for, and all of them. */
    private static final String EVERY_SCOPE = "openid profile email " + String.join(" ", ScopeCatalogue.names());

    private Client client;
    private Browser browser;

    @BeforeEach
    void client() {
        client = PersonSignIn.firstPartyClient();
        browser = new Browser();
    }

    @Test
    void signInGivesAccessRefreshAndIdTokensThatSayWhoAndHow() throws Exception {
        Pkce pkce = Pkce.fresh();
        Response first = browser.get(client.authorizeUrl(pkce, ""));
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.getHeader("Cache-Control")).isEqualTo("no-store");
        String signInPage = PersonSignIn.local(first.getHeader("Location"));
        Response page = browser.get(signInPage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.asString()).contains("to continue to <strong>console ").contains("<label for=\"email\">")
                .contains("<label for=\"password\">");
        assertThat(page.getHeader("Set-Cookie")).contains("__Host-gatehouse_csrf=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Strict");

        PersonSignIn.signIn(browser, signInPage, TokenKeysResource.ADMIN_EMAIL, PersonSignIn.adminPassword());
        String code = PersonSignIn.codeFrom(browser.get(client.authorizeUrl(pkce, "")), pkce);
        Response tokens = PersonSignIn.exchange(client, code, pkce);
        tokens.then().statusCode(200).header("Cache-Control", "no-store").body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(600)).body("scope", equalTo(EVERY_SCOPE));

        JwtClaims access = verify(tokens.path("access_token"), "at+jwt", "gatehouse");
        String accountId = access.getSubject();
        assertThat(access.getStringClaimValue("client_id")).isEqualTo(client.clientId());
        assertThat(access.getStringListClaimValue("roles")).containsExactly("platform_admin");
        assertThat(access.getStringClaimValue("sid")).isNotBlank();
        assertThat(access.getStringClaimValue("grant_id")).isNotBlank();

        JwtClaims id = verify(tokens.path("id_token"), "JWT", client.clientId());
        assertThat(id.getSubject()).isEqualTo(accountId);
        assertThat(id.getStringClaimValue("nonce")).isEqualTo(pkce.nonce());
        assertThat(id.getStringClaimValue("azp")).isEqualTo(client.clientId());
        assertThat(id.getStringListClaimValue("amr")).containsExactly("pwd");
        assertThat(id.getStringClaimValue("acr")).isEqualTo("urn:gatehouse:acr:password");
        assertThat(id.getStringClaimValue("email")).isEqualTo(TokenKeysResource.ADMIN_EMAIL);
        assertThat(id.getClaimValue("email_verified")).isEqualTo(true);
        assertThat(id.getStringClaimValue("sid")).isEqualTo(access.getStringClaimValue("sid"));
        assertThat(((Number) id.getClaimValue("auth_time")).longValue()).isLessThanOrEqualTo(id.getIssuedAt()
                .getValue());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokens.<String>path("access_token")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(id.getStringClaimValue("at_hash")).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(digest, 16)));
        assertThat(tokens.<String>path("refresh_token")).startsWith("gatehouse_rt_");

        given().auth().oauth2(tokens.path("access_token")).get("/oauth2/userinfo").then().statusCode(200)
                .body("sub", equalTo(accountId)).body("email", equalTo(TokenKeysResource.ADMIN_EMAIL))
                .body("email_verified", equalTo(true));
    }

    @Test
    void aSignedInBrowserGetsACodeWithoutTheFormAndPromptLoginAsksAgain() {
        Pkce pkce = Pkce.fresh();
        PersonSignIn.code(browser, client, pkce, TokenKeysResource.ADMIN_EMAIL, PersonSignIn.adminPassword());
        Pkce second = Pkce.fresh();
        PersonSignIn.codeFrom(browser.get(client.authorizeUrl(second, "")), second);

        Pkce forced = Pkce.fresh();
        Response again = browser.get(client.authorizeUrl(forced, "&prompt=login"));
        assertThat(again.statusCode()).isEqualTo(303);
        String location = PersonSignIn.local(again.getHeader("Location"));
        PersonSignIn.signIn(browser, location, TokenKeysResource.ADMIN_EMAIL, PersonSignIn.adminPassword());
        String returnTo = PersonSignIn.query("http://x" + location).get("return_to");
        assertThat(returnTo).doesNotContain("prompt=").contains("auth_after=");
        PersonSignIn.codeFrom(browser.get(returnTo), forced);

        Response stale = browser.get(client.authorizeUrl(Pkce.fresh(), "&max_age=0&prompt=none"));
        assertThat(PersonSignIn.query(stale.getHeader("Location"))).containsEntry("error", "login_required");
    }

    @Test
    void promptNoneWithoutASessionAnswersLoginRequiredAtTheRedirectUri() {
        Pkce pkce = Pkce.fresh();
        Response response = browser.get(client.authorizeUrl(pkce, "&prompt=none"));
        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> query = PersonSignIn.query(response.getHeader("Location"));
        assertThat(query).containsEntry("error", "login_required").containsEntry("state", pkce.state())
                .containsEntry("iss", TestTokens.ISSUER);
    }

    /**
     * A request that names no catalogue scope (stock OpenID Connect clients ask for {@code openid profile email})
     * gets all of them; one that names some gets exactly those, and a refresh can narrow them further. Gatehouse's
     * own endpoints then enforce them for anyone but a platform admin: {@code /me} needs {@code account.read}.
     */
    @Test
    void theTokenCarriesTheCatalogueScopesAskedForOrAllOfThemWhenNoneIsNamed() {
        Accounts.Person person = Accounts.create();
        Pkce pkce = Pkce.fresh();
        String code = PersonSignIn.code(browser, client, pkce, person.email(), Accounts.PASSWORD);
        String everything = PersonSignIn.exchange(client, code, pkce).then().statusCode(200)
                .body("scope", equalTo(EVERY_SCOPE)).extract().path("access_token");
        given().auth().oauth2(everything).get("/me").then().statusCode(200);

        Pkce narrow = Pkce.fresh();
        Response narrowed = PersonSignIn.exchange(client, PersonSignIn.codeFrom(browser.get(
                client.authorizeUrl(narrow, "", "openid projects.read audit.read")), narrow), narrow);
        narrowed.then().statusCode(200).body("scope", equalTo("openid projects.read audit.read"));
        given().auth().oauth2(narrowed.<String>path("access_token")).get("/me").then().statusCode(403)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer error=\"insufficient_scope\", scope=\"account.read\""))
                .body("detail", org.hamcrest.Matchers.containsString("account.read"));
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", narrowed.<String>path("refresh_token"))
                .formParam("scope", "projects.read").post("/oauth2/token")
                .then().statusCode(200).body("scope", equalTo("projects.read"));

        Pkce unknown = Pkce.fresh();
        Map<String, String> refused = PersonSignIn.query(browser.get(client.authorizeUrl(unknown, "",
                "openid projects.delete")).getHeader("Location"));
        assertThat(refused).containsEntry("error", "invalid_scope").containsEntry("state", unknown.state());
    }

    @Test
    void refreshRotatesAndReusingARotatedTokenEndsTheGrant() {
        Pkce pkce = Pkce.fresh();
        String code = PersonSignIn.code(browser, client, pkce, TokenKeysResource.ADMIN_EMAIL,
                PersonSignIn.adminPassword());
        String first = PersonSignIn.exchange(client, code, pkce).then().statusCode(200).extract()
                .path("refresh_token");
        Response refreshed = PersonSignIn.refresh(client, first);
        refreshed.then().statusCode(200).body("scope", equalTo(EVERY_SCOPE));
        String second = refreshed.path("refresh_token");
        assertThat(second).isNotEqualTo(first);
        assertThat(refreshed.<String>path("id_token")).isNotBlank();

        PersonSignIn.refresh(client, first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        PersonSignIn.refresh(client, second).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().oauth2(refreshed.<String>path("access_token")).get("/oauth2/userinfo").then()
                .statusCode(401);
    }

    @Test
    void aReplayedCodeFailsAndEndsWhatItsFirstUseGave() {
        Pkce pkce = Pkce.fresh();
        String code = PersonSignIn.code(browser, client, pkce, TokenKeysResource.ADMIN_EMAIL,
                PersonSignIn.adminPassword());
        Response tokens = PersonSignIn.exchange(client, code, pkce);
        tokens.then().statusCode(200);
        PersonSignIn.exchange(client, code, pkce).then().statusCode(400).body("error", equalTo("invalid_grant"));
        PersonSignIn.refresh(client, tokens.path("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void theCodeNeedsItsVerifierItsClientAndItsRedirectUri() {
        Pkce pkce = Pkce.fresh();
        String code = PersonSignIn.code(browser, client, pkce, TokenKeysResource.ADMIN_EMAIL,
                PersonSignIn.adminPassword());
        PersonSignIn.exchange(client, code, Pkce.fresh()).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        Client other = PersonSignIn.firstPartyClient();
        PersonSignIn.exchange(other, code, pkce).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", "https://app.example/other").formParam("code_verifier", pkce.verifier())
                .post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        // None of the failed attempts used the code up: the rightful exchange still works.
        PersonSignIn.exchange(client, code, pkce).then().statusCode(200);
    }

    @Test
    void logoutWithAnIdTokenHintEndsTheSessionAndItsRefreshTokens() {
        Pkce pkce = Pkce.fresh();
        String code = PersonSignIn.code(browser, client, pkce, TokenKeysResource.ADMIN_EMAIL,
                PersonSignIn.adminPassword());
        Response tokens = PersonSignIn.exchange(client, code, pkce);
        introspect(tokens.path("access_token")).then().statusCode(200).body("active", equalTo(true))
                .body("client_id", equalTo(client.clientId()));
        Response logout = browser.get("/oauth2/logout?id_token_hint=" + tokens.path("id_token")
                + "&post_logout_redirect_uri=" + PersonSignIn.LOGOUT_URI + "&state=bye");
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.getHeader("Location")).isEqualTo(PersonSignIn.LOGOUT_URI + "?state=bye");
        assertThat(browser.cookie("gatehouse_session")).isNull();

        PersonSignIn.refresh(client, tokens.path("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        given().auth().oauth2(tokens.<String>path("access_token")).get("/oauth2/userinfo").then().statusCode(401);
        introspect(tokens.path("access_token")).then().statusCode(200).body("active", equalTo(false));
        Response next = browser.get(client.authorizeUrl(Pkce.fresh(), ""));
        assertThat(next.statusCode()).as("signed out: the form again").isEqualTo(303);
    }

    @Test
    void logoutWithoutAHintAsksFirstAndAnUnregisteredDestinationIsRefused() {
        Pkce pkce = Pkce.fresh();
        PersonSignIn.code(browser, client, pkce, TokenKeysResource.ADMIN_EMAIL, PersonSignIn.adminPassword());
        Response ask = browser.get("/oauth2/logout?client_id=" + client.clientId() + "&post_logout_redirect_uri="
                + PersonSignIn.LOGOUT_URI);
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.asString()).as("the confirmation posts back to this endpoint")
                .contains("<form method=\"post\" action=\"/oauth2/logout\">");
        assertThat(browser.cookie("gatehouse_session")).as("not signed out yet").isNotNull();

        Response refused = browser.get("/oauth2/logout?client_id=" + client.clientId()
                + "&post_logout_redirect_uri=https://evil.example/");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("not one it registered");

        Response forged = browser.post("/oauth2/logout", Map.of("csrf_token", "gatehouse_csrf_forged",
                "client_id", client.clientId()));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(browser.cookie("gatehouse_session")).isNotNull();

        Response confirmed = browser.post("/oauth2/logout", Map.of("csrf_token", PersonSignIn.csrf(ask.asString()),
                "client_id", client.clientId(), "post_logout_redirect_uri", PersonSignIn.LOGOUT_URI, "state", ""));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.getHeader("Location")).isEqualTo(PersonSignIn.LOGOUT_URI);
        assertThat(browser.cookie("gatehouse_session")).isNull();
    }

    @Test
    void userinfoWithoutAValidTokenIs401WithAChallenge() {
        given().get("/oauth2/userinfo").then().statusCode(401).header("WWW-Authenticate",
                equalTo("Bearer realm=\"gatehouse\"")).body("error", equalTo("invalid_token"));
        given().auth().oauth2("not-a-token").get("/oauth2/userinfo").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("error=\"invalid_token\""));
    }

    private Response introspect(String token) {
        return given().auth().preemptive().basic(client.clientId(), client.secret()).formParam("token", token)
                .post("/oauth2/introspect");
    }

    private static JwtClaims verify(String jwt, String type, String audience) throws Exception {
        JsonWebSignature header = new JsonWebSignature();
        header.setCompactSerialization(jwt);
        assertThat(header.getHeader("typ")).isEqualTo(type);
        assertThat(header.getAlgorithmHeaderValue()).as("first-party clients sign with ES256 by default")
                .isEqualTo("ES256");
        JsonWebKeySet jwks = new JsonWebKeySet(given().get("/oauth2/jwks").asString());
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer(TestTokens.ISSUER).setExpectedAudience(audience).build().processToClaims(jwt);
    }
}
