package dev.gatehouse.token.password;

import dev.gatehouse.events.Topics;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.MailServer;
import dev.gatehouse.testsupport.TestInfrastructure;
import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.PersonSignIn.Browser;
import dev.gatehouse.token.PersonSignIn.Client;
import dev.gatehouse.token.PersonSignIn.Pkce;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A person changes their password (the current one is required) or resets it through an e-mailed link (the answer
 * never says whether an address has an account). Either way the old password, every session, refresh token and
 * access token stop working.
 */
@QuarkusTest
class PasswordChangeAndResetTest {

    private static final String NEW_PASSWORD = "a brand new and long passphrase";
    private final MailServer mail = TestInfrastructure.get().mail();

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEverything() throws Exception {
        Client client = PersonSignIn.firstPartyClient();
        Accounts.Person person = Accounts.create();
        Browser browser = new Browser();
        Pkce pkce = Pkce.fresh();
        Response tokens = PersonSignIn.exchange(client, PersonSignIn.code(browser, client, pkce, person.email(),
                Accounts.PASSWORD), pkce);
        String access = tokens.path("access_token");

        assertThat(new Browser().get("/account/password").statusCode()).as("signed-in people only").isEqualTo(401);
        Response page = browser.get("/account/password");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains(person.email()).contains("autocomplete=\"current-password\"");

        Response wrong = change(browser, page, "not my password at all", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(wrong.asString()).contains("Your current password is not right");
        Response weak = change(browser, wrong, Accounts.PASSWORD, "password1234", "password1234");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.asString()).contains("cannot be used");

        try (EventProbe probe = EventProbe.on(TestInfrastructure.get().kafka().bootstrapServers(),
                Topics.TOKEN_ACCOUNT, Topics.TOKEN_REVOCATION)) {
            Response changed = change(browser, weak, Accounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
            assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
            assertThat(changed.asString()).contains("signed out everywhere");
            assertThat(browser.cookie("gatehouse_session")).as("this browser too").isNull();
            probe.await(e -> e.eventType().equals("PasswordChanged") && e.aggregateId().equals(person.id().toString())
                    && "changed".equals(e.payloadAs(TokenEvents.PASSWORD_CHANGED).how()), 1, Duration.ofSeconds(20));
            probe.await(e -> e.eventType().equals("TokenRevoked") && person.id().toString().equals(
                    e.payloadAs(TokenEvents.TOKEN_REVOKED).subject()), 1, Duration.ofSeconds(20));
            assertThat(probe.records()).noneMatch(r -> r.value().contains(NEW_PASSWORD));
        }
        PersonSignIn.refresh(client, tokens.path("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        given().auth().oauth2(access).get("/me").then().statusCode(401);
        assertSignIn(person.email(), Accounts.PASSWORD, false);
        assertSignIn(person.email(), NEW_PASSWORD, true);
    }

    @Test
    void aResetLinkGoesOnlyToAnAccountButTheAnswerIsTheSameAndTheLinkWorksOnce() throws Exception {
        Accounts.Person person = Accounts.create();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";

        Response forUnknown = requestReset(unknown);
        Response forPerson = requestReset(person.email());
        assertThat(forUnknown.statusCode()).isEqualTo(forPerson.statusCode()).isEqualTo(200);
        assertThat(forUnknown.asString()).isEqualTo(forPerson.asString());
        await().atMost(20, TimeUnit.SECONDS).until(() -> !mail.to(person.email()).isEmpty());
        assertThat(mail.to(unknown)).as("no mail for an address without an account").isEmpty();
        String link = mail.newestLinkTo(person.email()).orElseThrow();
        assertThat(PersonSignIn.local(link)).startsWith("/password-reset/choose?token=ghr_");

        Browser browser = new Browser();
        Response page = browser.get(PersonSignIn.local(link));
        assertThat(page.statusCode()).isEqualTo(200);
        Response differ = choose(browser, link, page, NEW_PASSWORD, "something else entirely");
        assertThat(differ.statusCode()).isEqualTo(400);
        Response weak = choose(browser, link, differ, "password1234", "password1234");
        assertThat(weak.statusCode()).isEqualTo(400);
        Response chosen = choose(browser, link, weak, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(chosen.statusCode()).as(chosen.asString()).isEqualTo(200);
        assertThat(chosen.asString()).contains("Your new password is set");

        Response reused = new Browser().get(PersonSignIn.local(link));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.asString()).contains("used already");
        assertSignIn(person.email(), Accounts.PASSWORD, false);
        assertSignIn(person.email(), NEW_PASSWORD, true);
    }

    @Test
    void expiredUnknownAndFloodedResetsGetPagesThatSayWhatToDo() throws Exception {
        Accounts.Person person = Accounts.create();
        requestReset(person.email());
        await().atMost(20, TimeUnit.SECONDS).until(() -> !mail.to(person.email()).isEmpty());
        String link = mail.newestLinkTo(person.email()).orElseThrow();
        try (Connection c = TestInfrastructure.get().postgres().adminConnection();
             PreparedStatement expire = c.prepareStatement(
                     "update token.password_reset set expires_at = now() - interval '1 minute' where account_id = ?")) {
            expire.setObject(1, person.id());
            expire.executeUpdate();
        }
        Response expired = new Browser().get(PersonSignIn.local(link));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.asString()).contains("expired");
        Response unknown = new Browser().get("/password-reset/choose?token=ghr_nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.asString()).contains("not valid");

        String flooded = "flood-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            assertThat(requestReset(flooded).statusCode()).isEqualTo(200);
        }
        Response throttled = requestReset(flooded);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isNotNull();
    }

    private static Response change(Browser browser, Response formPage, String current, String password,
            String again) {
        return browser.post("/account/password", Map.of("current_password", current, "password", password,
                "password_again", again, "csrf_token", PersonSignIn.csrf(formPage.asString())));
    }

    private static Response requestReset(String email) {
        Browser browser = new Browser();
        Response page = browser.get("/password-reset");
        return browser.post("/password-reset", Map.of("email", email, "csrf_token",
                PersonSignIn.csrf(page.asString())));
    }

    private static Response choose(Browser browser, String link, Response formPage, String password, String again) {
        Map<String, String> form = new HashMap<>(Map.of("token", PersonSignIn.query(link).get("token"),
                "password", password, "password_again", again, "csrf_token", PersonSignIn.csrf(formPage.asString())));
        return browser.post("/password-reset/choose", form);
    }

    /** Whether the sign-in form takes this password, in a second after the change (whole-second cut-offs). */
    private static void assertSignIn(String email, String password, boolean accepted) throws InterruptedException {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 5);
        Browser browser = new Browser();
        Response page = browser.get("/signin");
        Response posted = browser.post("/signin", Map.of("email", email, "password", password, "csrf_token",
                PersonSignIn.csrf(page.asString()), "return_to", ""));
        assertThat(posted.statusCode() == 303).as(password + " accepted").isEqualTo(accepted);
    }
}
