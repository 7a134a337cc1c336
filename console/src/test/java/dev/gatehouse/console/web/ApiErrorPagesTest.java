package dev.gatehouse.console.web;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a service refuses or fails, the person reads what happened in plain words, with the service's status, and
 * never a stack trace; a refused form comes back as it was typed, the field's error next to it.
 */
@QuarkusTest
@QuarkusTestResource(StubGatehouseResource.class)
class ApiErrorPagesTest {

    private static final String PROBLEM = "application/problem+json";

    @InjectGatehouse
    StubGatehouse gatehouse;

    private Tokens tokens;
    private Browser browser;

    @BeforeEach
    void signIn() {
        gatehouse.reset();
        tokens = gatehouse.tokensFor(Person.named("Katherine"), Duration.ofMinutes(10));
        gatehouse.startPageFor(tokens, "Acme Builders");
        browser = new Browser();
        assertThat(browser.signIn(gatehouse, tokens, "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aServicesRefusalIsShownInPlainWordsWithItsStatus() {
        directoryAnswers(aResponse().withStatus(403).withHeader("Content-Type", PROBLEM).withBody(StubGatehouse.json(
                Map.of("type", "https://gatehouse.dev/problems/forbidden", "title", "Not allowed", "status", 403,
                        "detail", "Only a company admin may list its people."))));

        Response page = browser.get("/");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body().asString()).contains("Not allowed")
                .contains("Only a company admin may list its people.");
        assertNoInternals(page);
    }

    @Test
    void aServiceThatFailsWithoutAProblemIsSaidSoWithoutItsBody() {
        directoryAnswers(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>upstream connect error at 10.0.0.7:8081</body></html>"));

        Response page = browser.get("/");

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body().asString()).contains("directory-service failed")
                .contains("It answered 502. Try again in a moment.")
                .doesNotContain("10.0.0.7");
        assertNoInternals(page);
    }

    @Test
    void aServiceThatCannotBeReachedIsSaidSo() {
        directoryAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        Response page = browser.get("/");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body().asString()).contains("directory-service did not answer")
                .contains("The console could not reach directory-service. Try again in a moment.");
        assertNoInternals(page);
    }

    @Test
    void aTokenTheServiceNoLongerTakesSendsThePersonToSignInAgain() {
        // Signed out elsewhere or disabled: the service answers 401 (RFC 6750 §3.1) to a token the console holds.
        directoryAnswers(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .withHeader("Content-Type", PROBLEM).withBody(StubGatehouse.json(
                        Map.of("title", "Unauthorized", "status", 401, "detail", "The token has been revoked."))));

        Response ended = browser.get("/");

        assertThat(ended.statusCode()).isEqualTo(303);
        Browser.toSignIn(browser.get(ended.header("Location")));
    }

    @Test
    void aRefusedFormComesBackAsTypedWithTheErrorNextToItsField() {
        String typed = "Katherine <Johnson> & co";
        gatehouse.answers("/me", tokens.accessToken(), Map.of("email", "katherine@example.test",
                "displayName", "Katherine", "emailVerified", true, "platformAdmin", false, "status", "ACTIVE",
                "createdAt", "2026-11-01T09:00:00Z"));
        gatehouse.answers("/me/sessions", tokens.accessToken(), List.of());
        gatehouse.answers("/me/integrations", tokens.accessToken(), List.of());
        gatehouse.server().stubFor(patch(urlPathEqualTo("/me"))
                .withHeader("Authorization", equalTo("Bearer " + tokens.accessToken()))
                .withRequestBody(equalToJson(StubGatehouse.json(Map.of("displayName", typed))))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", PROBLEM).withBody(
                        StubGatehouse.json(Map.of("title", "Invalid request", "status", 400,
                                "detail", "The profile was not changed.", "errors", List.of(Map.of(
                                        "field", "displayName", "message", "must not contain < or >")))))));
        String csrf = Browser.csrf(browser.get("/me"));

        Response page = browser.post("/me/profile", Map.of("csrf", csrf, "displayName", typed));

        assertThat(page.statusCode()).isEqualTo(400);
        String html = page.body().asString();
        assertThat(html).contains("value=\"Katherine &lt;Johnson&gt; &amp; co\"")
                .contains("must not contain &lt; or &gt;")
                .contains("aria-describedby=\"display-name-error\"");
        assertNoInternals(page);
    }

    private void directoryAnswers(ResponseDefinitionBuilder answer) {
        gatehouse.server().stubFor(get(urlPathEqualTo("/directory/companies")).atPriority(1).willReturn(answer));
    }

    private static void assertNoInternals(Response page) {
        assertThat(page.body().asString()).doesNotContain("Exception").doesNotContain("at dev.gatehouse")
                .doesNotContain(".java:");
    }
}
