package dev.gatehouse.console.session;

import dev.gatehouse.console.stub.Browser;
import dev.gatehouse.console.stub.InjectGatehouse;
import dev.gatehouse.console.stub.StubGatehouse;
import dev.gatehouse.console.stub.StubGatehouse.Person;
import dev.gatehouse.console.stub.StubGatehouse.Tokens;
import dev.gatehouse.console.stub.StubGatehouseResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing out ends the console's session (its tokens are forgotten on the server, so the old cookie is worth
 * nothing) and hands the browser to token-service's RP-initiated logout, which ends the Gatehouse session too.
 */
@QuarkusTest
@QuarkusTestResource(StubGatehouseResource.class)
class SignOutTest {

    @InjectGatehouse
    StubGatehouse gatehouse;

    @BeforeEach
    void reset() {
        gatehouse.reset();
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTokenService() {
        Tokens tokens = gatehouse.tokensFor(Person.named("Grace"), Duration.ofMinutes(10));
        gatehouse.startPageFor(tokens, "Acme Builders");
        Browser browser = new Browser();
        Response page = browser.signIn(gatehouse, tokens, "/");
        Map<String, String> signedIn = browser.cookies();

        Response signOut = browser.post("/sign-out", Map.of("csrf", Browser.csrf(page)));
        assertThat(signOut.statusCode()).isEqualTo(303);
        Response logout = browser.get(signOut.header("Location"));

        // OpenID Connect RP-Initiated Logout 1.0 §2: token-service is told whose session ends and where to return.
        assertThat(logout.statusCode()).isEqualTo(302);
        URI endSession = URI.create(logout.header("Location"));
        assertThat(endSession.toString()).startsWith(gatehouse.issuer() + StubGatehouse.LOGOUT_PATH);
        Map<String, String> told = StubGatehouse.query(endSession);
        assertThat(told).containsEntry("id_token_hint", tokens.idToken());
        assertThat(told.get("post_logout_redirect_uri")).endsWith("/signed-out");
        assertThat(browser.cookies()).doesNotContainKey("q_session");

        Response signedOut = browser.get(told.get("post_logout_redirect_uri"));
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.body().asString()).contains("You are signed out");

        // The old cookie, replayed (kept by a copy of the browser, or stolen), signs nobody in.
        browser.restore(signedIn);
        Browser.toSignIn(browser.get("/"));
    }

    @Test
    void aSignOutNotSentFromTheConsoleChangesNothing() {
        Tokens tokens = gatehouse.tokensFor(Person.named("Hedy"), Duration.ofMinutes(10));
        gatehouse.startPageFor(tokens, "Acme Builders");
        Browser browser = new Browser();
        browser.signIn(gatehouse, tokens, "/");

        // A cross-site form posting to /sign-out has no CSRF token (and SameSite=Lax keeps the cookie off it too).
        Response forged = browser.post("/sign-out", Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body().asString()).contains("This form has expired");
        assertThat(browser.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }
}
