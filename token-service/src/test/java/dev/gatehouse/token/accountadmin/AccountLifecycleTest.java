package dev.gatehouse.token.accountadmin;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.revocation.RevocationFeed;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.TestInfrastructure;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.PersonSignIn.Browser;
import dev.gatehouse.token.PersonSignIn.Client;
import dev.gatehouse.token.PersonSignIn.Pkce;
import dev.gatehouse.token.PlatformClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A person's account and sessions over their life: their own sessions listed and ended, and a platform admin
 * disabling the account, which ends every session and token at once (on every service, through the revocation
 * feed), then enabling it again.
 */
@QuarkusTest
class AccountLifecycleTest {

    @Inject
    RevocationFeed feed;

    private Client client;
    private Accounts.Person person;

    @BeforeEach
    void person() {
        client = PersonSignIn.firstPartyClient();
        person = Accounts.create();
    }

    @Test
    void aPersonSeesTheirSessionsAndEndsOneOfThem() {
        Browser laptop = new Browser();
        Browser phone = new Browser();
        Response onLaptop = signIn(laptop);
        Response onPhone = signIn(phone);

        given().auth().oauth2(onLaptop.<String>path("access_token")).get("/me").then().statusCode(200)
                .body("email", equalTo(person.email())).body("status", equalTo("active"));
        Response sessions = given().auth().oauth2(onLaptop.<String>path("access_token")).get("/me/sessions");
        sessions.then().statusCode(200).body("", hasSize(2)).body("findAll { it.current }", hasSize(1));
        String phoneSession = sessionOf(onPhone);

        given().auth().oauth2(onLaptop.<String>path("access_token")).delete("/me/sessions/" + phoneSession)
                .then().statusCode(204);
        PersonSignIn.refresh(client, onPhone.path("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        assertThat(phone.get(client.authorizeUrl(Pkce.fresh(), "")).statusCode()).as("the phone must sign in again")
                .isEqualTo(303);
        PersonSignIn.refresh(client, onLaptop.path("refresh_token")).then().statusCode(200);
        given().auth().oauth2(onLaptop.<String>path("access_token")).get("/me/sessions").then()
                .body("", hasSize(1));

        Accounts.Person stranger = Accounts.create();
        Response theirs = signIn(new Browser(), stranger);
        given().auth().oauth2(onLaptop.<String>path("access_token")).delete("/me/sessions/" + sessionOf(theirs))
                .then().statusCode(404);
        given().get("/me").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""));
        given().auth().oauth2(PlatformClients.admin()).get("/me").then().statusCode(401);
    }

    @Test
    void aPersonChangesTheirNameWhichTheirNextIdTokenCarriesAndTheEventNamesOnlyTheField() throws Exception {
        Response tokens = signIn(new Browser());
        String access = tokens.path("access_token");

        given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("displayName", "   "))
                .patch("/me").then().statusCode(400).body("errors[0].field", equalTo("displayName"));
        given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of())
                .patch("/me").then().statusCode(400).body("errors[0].field", equalTo("displayName"));
        given().contentType(ContentType.JSON).body(Map.of("displayName", "Ada King")).patch("/me").then()
                .statusCode(401);

        String kafka = TestInfrastructure.get().kafka().bootstrapServers();
        try (EventProbe probe = EventProbe.on(kafka, Topics.TOKEN_ACCOUNT)) {
            given().auth().oauth2(access).contentType(ContentType.JSON)
                    .body(Map.of("displayName", "  Ada King ")).patch("/me").then().statusCode(200)
                    .body("displayName", equalTo("Ada King"));
            EventEnvelope changed = probe.await(e -> e.eventType().equals("AccountProfileChanged")
                    && e.aggregateId().equals(person.id().toString()), 1, Duration.ofSeconds(20)).get(0);
            assertThat(changed.payloadAs(TokenEvents.ACCOUNT_PROFILE_CHANGED).changed())
                    .containsExactly("displayName");
            assertThat(probe.records()).as("the name stays in token-service").noneMatch(r -> r.value()
                    .contains("Ada King"));
        }
        given().auth().oauth2(access).get("/me").then().body("displayName", equalTo("Ada King"));

        String idToken = PersonSignIn.refresh(client, tokens.path("refresh_token")).then().statusCode(200)
                .extract().path("id_token");
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators()
                .build().processToClaims(idToken);
        assertThat(claims.getStringClaimValue("name")).isEqualTo("Ada King");
    }

    @Test
    void disablingAnAccountEndsEverythingAtOnceAndEnablingLetsThePersonBackIn() throws Exception {
        Browser browser = new Browser();
        Response tokens = signIn(browser);
        String access = tokens.path("access_token");
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators()
                .build().processToClaims(access);

        long start = System.nanoTime();
        given().auth().oauth2(PlatformClients.admin()).contentType(ContentType.JSON).body("{\"reason\": \"left\"}")
                .post("/accounts/" + person.id() + "/disable").then().statusCode(200)
                .body("status", equalTo("disabled"));
        Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
        while (!feed.isDead(client.clientId(), claims.getSubject(), claims.getJwtId(),
                claims.getStringClaimValue("grant_id"), issuedAt)) {
            assertThat(System.nanoTime() - start).as("the revocation reaches the services' feed").isLessThan(
                    5_000_000_000L);
            Thread.sleep(10);
        }
        System.out.printf("account disabled: its access token refused by the revocation feed after %d ms%n",
                (System.nanoTime() - start) / 1_000_000);

        PersonSignIn.refresh(client, tokens.path("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        given().auth().oauth2(access).get("/oauth2/userinfo").then().statusCode(401);
        given().auth().oauth2(access).get("/me").then().statusCode(401);
        given().auth().preemptive().basic(client.clientId(), client.secret()).formParam("token", access)
                .post("/oauth2/introspect").then().statusCode(200).body("active", equalTo(false));
        Response again = browser.get(client.authorizeUrl(Pkce.fresh(), ""));
        assertThat(again.statusCode()).as("the session ended").isEqualTo(303);
        Response page = browser.get(PersonSignIn.local(again.getHeader("Location")));
        Response refused = browser.post("/signin", Map.of("email", person.email(), "password", Accounts.PASSWORD,
                "csrf_token", PersonSignIn.csrf(page.asString()),
                "return_to", PersonSignIn.query("http://x" + PersonSignIn.local(again.getHeader("Location")))
                        .get("return_to")));
        assertThat(refused.asString()).as("a disabled account gets the same answer as a wrong password")
                .contains("The e-mail address or the password is not right.");

        given().auth().oauth2(PlatformClients.admin()).post("/accounts/" + person.id() + "/enable").then()
                .statusCode(200).body("status", equalTo("active"));
        // Tokens carry whole-second iat, and every token of the disable's own second is dead (docs/security.md).
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 5);
        Response back = signIn(new Browser());
        given().auth().oauth2(back.<String>path("access_token")).get("/me").then().statusCode(200);
    }

    @Test
    void platformAdminsListAccountsAndCannotDisableThemselves() {
        given().auth().oauth2(PlatformClients.admin()).get("/accounts?limit=200").then().statusCode(200)
                .body("items.email", org.hamcrest.Matchers.hasItem(person.email()))
                .body("items.passwordHash", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        given().auth().oauth2(TestTokens.platformAdminPerson(person.id()).sign()).contentType(ContentType.JSON)
                .body("{}").post("/accounts/" + person.id() + "/disable").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("own-account"));
        given().auth().oauth2(PlatformClients.admin()).get("/accounts/" + java.util.UUID.randomUUID()).then()
                .statusCode(404);
    }

    private Response signIn(Browser browser) {
        return signIn(browser, person);
    }

    private Response signIn(Browser browser, Accounts.Person who) {
        Pkce pkce = Pkce.fresh();
        String code = PersonSignIn.code(browser, client, pkce, who.email(), Accounts.PASSWORD);
        Response tokens = PersonSignIn.exchange(client, code, pkce);
        tokens.then().statusCode(200);
        return tokens;
    }

    private static String sessionOf(Response tokens) {
        try {
            return new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                    .processToClaims(tokens.path("access_token")).getStringClaimValue("sid");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
