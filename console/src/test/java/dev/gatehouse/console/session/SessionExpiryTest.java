package dev.gatehouse.console.session;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gatehouse.console.stub.Browser;
import dev.gatehouse.console.stub.InjectGatehouse;
import dev.gatehouse.console.stub.MovableClock;
import dev.gatehouse.console.stub.StubGatehouse;
import dev.gatehouse.console.stub.StubGatehouse.Person;
import dev.gatehouse.console.stub.StubGatehouse.Tokens;
import dev.gatehouse.console.stub.StubGatehouseResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a console session lasts and ends: it is refreshed at token-service before its ID token runs out (each refresh
 * with the refresh token the one before returned), it ends when token-service ends the grant or when it has been idle
 * for the configured time, and then the next page asks for a sign-in, once.
 */
@QuarkusTest
@QuarkusTestResource(StubGatehouseResource.class)
class SessionExpiryTest {

    /** Under the console's refresh margin (30 s): the next page refreshes first. */
    private static final Duration ALMOST_OVER = Duration.ofSeconds(20);

    @InjectGatehouse
    StubGatehouse gatehouse;

    @Inject
    MovableClock clock;

    @BeforeEach
    void reset() {
        gatehouse.reset();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aSessionAboutToRunOutIsRefreshedWithEachRotatedRefreshTokenInTurn() {
        Person ada = Person.named("Ada");
        Tokens signIn = gatehouse.tokensFor(ada, ALMOST_OVER);
        Tokens second = gatehouse.tokensFor(ada, ALMOST_OVER);
        Tokens third = gatehouse.tokensFor(ada, Duration.ofMinutes(10));
        gatehouse.refreshes(signIn.refreshToken(), second);
        gatehouse.refreshes(second.refreshToken(), third);
        gatehouse.startPageFor(second, "Acme Builders");
        gatehouse.startPageFor(third, "Acme Builders");
        Browser browser = new Browser();

        Response page = browser.signIn(gatehouse, signIn, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString()).contains("Acme Builders");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        List<String> presented = gatehouse.tokenRequests("refresh_token").stream()
                .map(LoggedRequest::getBodyAsString).map(StubGatehouse::fields).map(form -> form.get("refresh_token"))
                .toList();
        assertThat(presented).containsExactly(signIn.refreshToken(), second.refreshToken());
        gatehouse.server().verify(1, getRequestedFor(urlPathEqualTo("/directory/companies"))
                .withHeader("Authorization", equalTo("Bearer " + second.accessToken())));
        gatehouse.server().verify(1, getRequestedFor(urlPathEqualTo("/directory/companies"))
                .withHeader("Authorization", equalTo("Bearer " + third.accessToken())));
    }

    @Test
    void whenTokenServiceEndsTheGrantTheNextPageAsksForASignInOnce() {
        Tokens signIn = gatehouse.tokensFor(Person.named("Barbara"), ALMOST_OVER);
        gatehouse.endsGrantOf(signIn.refreshToken());
        Browser browser = new Browser();
        Response callback = browser.get(gatehouse.approve(Browser.toSignIn(browser.get("/")), signIn));
        Map<String, String> ended = browser.cookies();

        Browser.toSignIn(browser.get(callback.header("Location")));
        assertThat(browser.cookies()).doesNotContainKey("q_session");
        // Its cookie, replayed, finds nothing on the server: straight to sign in, no second refresh.
        browser.restore(ended);
        Browser.toSignIn(browser.get("/"));

        assertThat(gatehouse.tokenRequests("refresh_token")).hasSize(1);
    }

    @Test
    void aSessionIdleForTheTimeoutIsForgotten() {
        // Tokens that outlive the test's jumps in time, so that only the session's idleness can end it.
        Tokens signIn = gatehouse.tokensFor(Person.named("Ada"), Duration.ofDays(2), Duration.ofDays(2));
        gatehouse.startPageFor(signIn, "Acme Builders");
        Browser browser = new Browser();
        assertThat(browser.signIn(gatehouse, signIn, "/").statusCode()).isEqualTo(200);
        clock.moveForward(Duration.ofHours(11));
        assertThat(browser.get("/").statusCode()).as("used within the idle timeout").isEqualTo(200);

        // gatehouse.console.session-idle-timeout (12 hours) without a page.
        clock.moveForward(Duration.ofHours(12).plusMinutes(1));

        Browser.toSignIn(browser.get("/"));
        assertThat(gatehouse.tokenRequests("refresh_token")).as("its tokens are not used again").isEmpty();
    }
}
