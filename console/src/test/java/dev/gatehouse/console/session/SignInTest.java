package dev.gatehouse.console.session;

import dev.gatehouse.console.stub.Browser;
import dev.gatehouse.console.stub.InjectGatehouse;
import dev.gatehouse.console.stub.StubGatehouse;
import dev.gatehouse.console.stub.StubGatehouse.Person;
import dev.gatehouse.console.stub.StubGatehouse.Tokens;
import dev.gatehouse.console.stub.StubGatehouseResource;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the console: an OpenID Connect authorization code flow with PKCE against token-service (here
 * {@link StubGatehouse}), after which the browser holds a session handle and nothing else.
 */
@QuarkusTest
@QuarkusTestResource(StubGatehouseResource.class)
class SignInTest {

    @InjectGatehouse
    StubGatehouse gatehouse;

    @BeforeEach
    void reset() {
        gatehouse.reset();
    }

    @Test
    void aPersonSignsInThroughTokenServiceWithPkceAndLandsOnThePageTheyAskedFor() throws Exception {
        Person ada = Person.named("Ada");
        Tokens tokens = gatehouse.tokensFor(ada, Duration.ofMinutes(10));
        gatehouse.startPageFor(tokens, "Acme Builders");
        Browser browser = new Browser();

        Response first = browser.get("/?from=bookmark");
        URI authorize = Browser.toSignIn(first);
        assertThat(authorize.toString()).startsWith(gatehouse.issuer());
        Map<String, String> asked = StubGatehouse.query(authorize);
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", StubGatehouse.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsKey("state");
        assertThat(asked.get("redirect_uri")).endsWith("/signin/callback");
        assertThat(asked.get("scope").split(" ")).contains("openid", "profile", "email");

        Response callback = browser.get(gatehouse.approve(authorize, tokens));
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(URI.create(callback.header("Location")).getRawQuery()).isEqualTo("from=bookmark");

        // RFC 7636 §4.6: the code came back with the verifier whose S256 hash the authorization request carried.
        List<LoggedRequest> exchanges = gatehouse.tokenRequests("authorization_code");
        assertThat(exchanges).hasSize(1);
        String verifier = StubGatehouse.fields(exchanges.get(0).getBodyAsString()).get("code_verifier");
        assertThat(verifier).isNotBlank();
        assertThat(s256(verifier)).isEqualTo(asked.get("code_challenge"));

        Response page = browser.get(callback.header("Location"));
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body().asString();
        assertThat(html).contains("Signed in as <strong>" + ada.email() + "</strong>").contains("Acme Builders")
                .contains(">Ada<");

        // The tokens stay on the server: the browser's cookie is an opaque handle, kept from scripts.
        Cookie session = callback.detailedCookie("q_session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
        for (String token : List.of(tokens.idToken(), tokens.accessToken(), tokens.refreshToken())) {
            assertThat(session.getValue()).doesNotContain(token).doesNotContain(token.split("\\.")[0]);
            assertThat(html).doesNotContain(token);
        }
        assertThat(session.getValue().length()).isLessThan(200);
    }

    @Test
    void aSignInRefusedAtTokenServiceIsAPlainPageAndSignsNobodyIn() {
        Browser browser = new Browser();
        URI authorize = Browser.toSignIn(browser.get("/"));

        Response callback = browser.get(gatehouse.refuse(authorize, "access_denied"));
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.header("Location")).contains("/signin/error");
        Response page = browser.get(callback.header("Location"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body().asString()).contains("You are not signed in").contains("The sign-in was cancelled.");
        assertThat(gatehouse.tokenRequests("authorization_code")).isEmpty();
        Browser.toSignIn(browser.get("/"));
    }

    @Test
    void aCallbackThatDidNotStartInThisBrowserIsNotExchanged() {
        Person mallory = Person.named("Mallory");
        Tokens tokens = gatehouse.tokensFor(mallory, Duration.ofMinutes(10));
        // Mallory's own authorization request and code, pushed into Ada's browser (login CSRF, RFC 6749 §10.12).
        URI hers = Browser.toSignIn(new Browser().get("/"));
        URI forged = gatehouse.approve(hers, tokens);
        Browser ada = new Browser();
        Browser.toSignIn(ada.get("/"));

        Response callback = ada.get(forged);

        // Its state is not the one Ada's browser was sent with: no exchange, and Ada is asked to sign in afresh.
        URI again = Browser.toSignIn(callback);
        assertThat(StubGatehouse.query(again).get("state")).isNotEqualTo(StubGatehouse.query(hers).get("state"));
        assertThat(gatehouse.tokenRequests("authorization_code")).isEmpty();
        assertThat(ada.cookies()).doesNotContainKey("q_session");
    }

    private static String s256(String verifier) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }
}
