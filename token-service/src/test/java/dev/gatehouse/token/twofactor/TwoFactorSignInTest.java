package dev.gatehouse.token.twofactor;

import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.PersonSignIn.Browser;
import dev.gatehouse.token.PersonSignIn.Client;
import dev.gatehouse.token.PersonSignIn.Pkce;
import dev.gatehouse.token.secondfactor.SecondFactors;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in with TOTP (RFC 6238): a person enrols an authenticator (QR code or key, confirmed with a code,
 * ten recovery codes shown once), then signs in with password and code; the tokens say so ({@code amr} pwd otp,
 * {@code acr} mfa). A code works once, a recovery code once, wrong codes end the step after five.
 */
@QuarkusTest
class TwoFactorSignInTest {

    private static final Pattern KEY = Pattern.compile("Key: <code>([A-Z2-7]+)</code>");
    private static final Pattern CODE = Pattern.compile("<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>");

    @Test
    void enrolThenSignInWithACodeOrARecoveryCodeAndTheTokensSaySo() throws Exception {
        Accounts.Person person = Accounts.create();
        Client client = PersonSignIn.firstPartyClient();
        Browser browser = new Browser();
        Pkce first = Pkce.fresh();
        PersonSignIn.exchange(client, PersonSignIn.code(browser, client, first, person.email(), Accounts.PASSWORD),
                first).then().statusCode(200);

        Response enrol = browser.get("/account/two-factor");
        assertThat(enrol.statusCode()).isEqualTo(200);
        assertThat(enrol.asString()).contains("<svg").contains("Set up two-factor sign-in");
        String key = match(KEY, enrol.asString());
        Response wrong = confirm(browser, enrol, "000000");
        assertThat(wrong.statusCode()).isEqualTo(400);
        String freshKey = match(KEY, wrong.asString());
        assertThat(freshKey).as("a key never confirmed is replaced").isNotEqualTo(key);
        Response on = confirm(browser, wrong, SecondFactors.codeFor(freshKey, Instant.now()));
        assertThat(on.statusCode()).as(on.asString()).isEqualTo(200);
        assertThat(on.asString()).contains("shown only this once");
        List<String> recovery = all(CODE, on.asString());
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(browser.get("/account/two-factor").asString()).contains("is on").contains("<strong>10</strong>");

        // Password, then the code: ID and access tokens say a second factor was used.
        Browser laptop = new Browser();
        Pkce pkce = Pkce.fresh();
        Response page = laptop.get(PersonSignIn.local(laptop.get(client.authorizeUrl(pkce, ""))
                .getHeader("Location")));
        Response afterPassword = laptop.post("/signin", Map.of("email", person.email(), "password", Accounts.PASSWORD,
                "csrf_token", PersonSignIn.csrf(page.asString()), "return_to", returnTo(client, pkce)));
        assertThat(afterPassword.statusCode()).isEqualTo(303);
        assertThat(afterPassword.getHeader("Location")).endsWith("/signin/two-factor");
        assertThat(laptop.cookie("gatehouse_session")).as("no session before the code").isNull();
        Response codePage = laptop.get("/signin/two-factor");
        assertThat(codePage.asString()).contains("autocomplete=\"one-time-code\"");
        Response bad = laptop.post("/signin/two-factor", Map.of("code", "123456", "csrf_token",
                PersonSignIn.csrf(codePage.asString())));
        assertThat(bad.asString()).contains("not right");
        // The code of the confirmation's step is spent; the next step's is good.
        String next = SecondFactors.codeFor(freshKey, Instant.now().plus(Duration.ofSeconds(30)));
        Response passed = laptop.post("/signin/two-factor", Map.of("code", next, "csrf_token",
                PersonSignIn.csrf(bad.asString())));
        assertThat(passed.statusCode()).as(passed.asString()).isEqualTo(303);
        Response tokens = PersonSignIn.exchange(client, PersonSignIn.codeFrom(laptop.get(PersonSignIn.local(
                passed.getHeader("Location"))), pkce), pkce);
        tokens.then().statusCode(200);
        JwtClaims id = claims(tokens.path("id_token"));
        assertThat(id.getStringListClaimValue("amr")).containsExactly("pwd", "otp");
        assertThat(id.getClaimValueAsString("acr")).isEqualTo("urn:gatehouse:acr:mfa");
        assertThat(claims(tokens.path("access_token")).getClaimValueAsString("acr"))
                .isEqualTo("urn:gatehouse:acr:mfa");

        // The same code again is refused (used once); a recovery code works once, typed any way.
        Browser phone = new Browser();
        assertThat(codeStep(phone, client, person.email(), next).asString()).contains("not right");
        String recoveryCode = recovery.get(3);
        assertThat(codeStep(new Browser(), client, person.email(), recoveryCode.toUpperCase().replace("-", " "))
                .statusCode()).isEqualTo(303);
        assertThat(codeStep(new Browser(), client, person.email(), recoveryCode).asString()).contains("not right");
        assertThat(browser.get("/account/two-factor").asString()).contains("<strong>9</strong>");
    }

    @Test
    void fiveWrongCodesSendThePersonBackToThePasswordAndTurningItOffNeedsACode() throws Exception {
        Accounts.Person person = Accounts.create();
        Client client = PersonSignIn.firstPartyClient();
        Browser browser = new Browser();
        Pkce first = Pkce.fresh();
        PersonSignIn.code(browser, client, first, person.email(), Accounts.PASSWORD);
        Response enrol = browser.get("/account/two-factor");
        String key = match(KEY, enrol.asString());
        confirm(browser, enrol, SecondFactors.codeFor(key, Instant.now())).then().statusCode(200);

        Browser guesser = new Browser();
        Response step = codeStep(guesser, client, person.email(), "111111");
        for (int i = 0; i < 4; i++) {
            step = guesser.post("/signin/two-factor", Map.of("code", "11111" + i, "csrf_token",
                    PersonSignIn.csrf(step.asString())));
        }
        Response over = guesser.get("/signin/two-factor");
        assertThat(over.statusCode()).isEqualTo(303);
        assertThat(over.getHeader("Location")).endsWith("/signin");
        assertThat(new Browser().get("/signin/two-factor").statusCode()).as("no step at all").isEqualTo(303);

        Response onPage = browser.get("/account/two-factor");
        Response refused = browser.post("/account/two-factor/disable", Map.of("code", "000000", "csrf_token",
                PersonSignIn.csrf(onPage.asString())));
        assertThat(refused.asString()).contains("not right");
        Response off = browser.post("/account/two-factor/disable", Map.of("code", SecondFactors.codeFor(key,
                Instant.now().plus(Duration.ofSeconds(30))), "csrf_token", PersonSignIn.csrf(refused.asString())));
        assertThat(off.asString()).contains("Two-factor sign-in is off");
        Pkce again = Pkce.fresh();
        PersonSignIn.exchange(client, PersonSignIn.code(new Browser(), client, again, person.email(),
                Accounts.PASSWORD), again).then().statusCode(200);
        assertThat(new Browser().get("/account/two-factor").statusCode()).as("signed-in people only").isEqualTo(401);
    }

    /** Password, then {@code code} on the second step; the answer to the code. */
    private static Response codeStep(Browser browser, Client client, String email, String code) {
        Pkce pkce = Pkce.fresh();
        Response page = browser.get(PersonSignIn.local(browser.get(client.authorizeUrl(pkce, ""))
                .getHeader("Location")));
        Response afterPassword = browser.post("/signin", Map.of("email", email, "password", Accounts.PASSWORD,
                "csrf_token", PersonSignIn.csrf(page.asString()), "return_to", returnTo(client, pkce)));
        assertThat(afterPassword.getHeader("Location")).endsWith("/signin/two-factor");
        Response codePage = browser.get("/signin/two-factor");
        return browser.post("/signin/two-factor", Map.of("code", code, "csrf_token",
                PersonSignIn.csrf(codePage.asString())));
    }

    private static String returnTo(Client client, Pkce pkce) {
        return client.authorizeUrl(pkce, "");
    }

    private static Response confirm(Browser browser, Response page, String code) {
        return browser.post("/account/two-factor", Map.of("code", code, "csrf_token",
                PersonSignIn.csrf(page.asString())));
    }

    private static String match(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as(pattern + " in the page").isTrue();
        return m.group(1);
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static JwtClaims claims(String jwt) throws Exception {
        return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build().processToClaims(jwt);
    }
}
