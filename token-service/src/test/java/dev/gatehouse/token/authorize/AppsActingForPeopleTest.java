package dev.gatehouse.token.authorize;

import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationSuspended;
import dev.gatehouse.events.apps.InstallationUpgraded;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.people.PeopleFeed;
import dev.gatehouse.testsupport.Sql;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.Answers;
import dev.gatehouse.token.InstalledApp;
import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.PersonSignIn.Browser;
import dev.gatehouse.token.PersonSignIn.Client;
import dev.gatehouse.token.PersonSignIn.Pkce;
import dev.gatehouse.token.ServiceAccounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Apps acting for people (docs/security.md, "Apps acting for people"): an installed app sends a company's member
 * through the authorization code flow naming the company; the member approves what the app asks on the consent
 * page (once; later only what it adds); the app's token acts for the member there, as the app's app user and the
 * person both. The member and the company's admins list and revoke the approval, which kills the app's tokens;
 * turning the app off ends them. The app's events arrive over the real broker, as app-management sends them.
 */
@QuarkusTest
class AppsActingForPeopleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"");

    @Inject
    PeopleFeed feed;

    @Inject
    AgroalDataSource dataSource;

    private InstalledApp installed;
    private String clientId;
    private UUID company;
    private UUID appUser;
    private UUID installationId;
    private Client app;
    private Accounts.Person member;

    @BeforeEach
    void installedAppAndAMember() {
        installed = InstalledApp.published(PersonSignIn.REDIRECT_URI).installed();
        clientId = installed.clientId;
        company = installed.company;
        appUser = installed.appUser;
        installationId = installed.installationId;
        app = installed.client();
        member = Accounts.create();
        role(member.id(), "company_member");
        await().atMost(WAIT).until(() -> feed.companyRole(company, member.id()).isPresent());
    }

    @Test
    void aMemberApprovesOnceAndTheAppsTokenActsForThemInThatCompanyOnly() throws Exception {
        Browser browser = new Browser();
        Pkce pkce = Pkce.fresh();
        Response consent = awaitConsentPage(browser, pkce, "");
        String page = consent.asString();
        assertThat(page).contains("Field Notes").contains("Fixture Developers").contains("projects.read")
                .contains("Why: Shows the notes of your projects").doesNotContain("High-risk");
        assertThat(consent.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");

        Response approved = answer(browser, page, "approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        String code = PersonSignIn.codeFrom(browser.get(PersonSignIn.local(approved.getHeader("Location"))), pkce);
        Response tokens = PersonSignIn.exchange(app, code, pkce);
        tokens.then().statusCode(200);
        JwtClaims claims = claims(tokens.path("access_token"));
        assertThat(claims.getSubject()).isEqualTo(member.id().toString());
        assertThat(claims.getClaimValue("client_id")).isEqualTo(clientId);
        assertThat(claims.getClaimValue("azp")).isEqualTo(clientId);
        assertThat(claims.getClaimValue("company_id")).isEqualTo(company.toString());
        assertThat(claims.getClaimValue("installation_id")).isEqualTo(installationId.toString());
        assertThat(claims.getClaimValue("act")).isEqualTo(Map.of("sub", appUser.toString()));
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("delegated_app");
        assertThat(claims.getStringClaimValue("scope").split(" ")).contains("openid", "directory.read",
                "projects.read");
        assertThat(claims.hasClaim("sid")).isFalse();
        // Its TokenIssued names the grant type, the installation and the person (issue 14's usage reports).
        assertThat(Sql.count(dataSource, "select count(*) from outbox_event where event_type = 'TokenIssued' and "
                + "envelope->'payload'->>'jti' = ? and envelope->'payload'->>'grantType' = 'authorization_code' and "
                + "envelope->'payload'->>'installationId' = '" + installationId + "' and "
                + "envelope->'payload'->>'accountId' = '" + member.id() + "'", claims.getJwtId())).isEqualTo(1);
        assertThat(tokens.<String>path("id_token")).isNotBlank();

        ServiceAccounts.Created resourceServer = ServiceAccounts.in(company).resourceServer();
        introspect(resourceServer, tokens.path("access_token")).body("active", equalTo(true))
                .body("installation_id", equalTo(installationId.toString()));

        // Approved once: the next authorization goes straight back with a code.
        Pkce again = Pkce.fresh();
        PersonSignIn.codeFrom(browser.get(app.authorizeUrl(again, "&company_id=" + company)), again);

        // Rotation, reuse ends the grant (RFC 9700 §4.14.2), as for people's own refresh tokens.
        Response refreshed = PersonSignIn.refresh(app, tokens.path("refresh_token"));
        refreshed.then().statusCode(200);
        assertThat(claims(refreshed.path("access_token")).getClaimValue("act")).isEqualTo(
                Map.of("sub", appUser.toString()));
        given().auth().preemptive().basic(clientId, app.secret()).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshed.<String>path("refresh_token"))
                .formParam("company_id", UUID.randomUUID().toString()).post("/oauth2/token").then()
                .statusCode(400).body("error", equalTo("invalid_target"));
        PersonSignIn.refresh(app, tokens.path("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        introspect(resourceServer, refreshed.path("access_token")).body("active", equalTo(false));

        // The app's token for the person reads the account (userinfo-like) but never manages the person's own
        // sign-in: sessions and approved integrations are theirs alone.
        Pkce narrow = Pkce.fresh();
        Response narrowed = PersonSignIn.exchange(app, PersonSignIn.codeFrom(browser.get(app.authorizeUrl(narrow,
                "&company_id=" + company, "openid directory.read")), narrow), narrow);
        assertThat(narrowed.<String>path("scope")).isEqualTo("openid directory.read");
        String appToken = narrowed.path("access_token");
        given().auth().oauth2(appToken).get("/me/integrations").then().statusCode(403);
        given().auth().oauth2(appToken).get("/me/sessions").then().statusCode(403);
    }

    @Test
    void anUpgradeThatAsksForMoreIsApprovedForTheDifferenceOnly() {
        Browser browser = new Browser();
        Pkce pkce = Pkce.fresh();
        answer(browser, awaitConsentPage(browser, pkce, "").asString(), "approve");

        installed.publish("2.0.0", List.of("directory.read", "projects.read", "documents.write"),
                Map.of("projects", AccessLevel.READ_ONLY, "directory", AccessLevel.ADMIN), PersonSignIn.REDIRECT_URI);
        installed.send(AppsEvents.INSTALLATION_UPGRADED, new InstallationUpgraded(installed.state("active",
                List.of("directory.read", "projects.read", "documents.write"), Map.of("projects",
                        AccessLevel.READ_ONLY, "directory", AccessLevel.ADMIN)), "1.0.0"));
        Pkce next = Pkce.fresh();
        Response page = awaitBody(() -> browser.get(app.authorizeUrl(next, "&company_id=" + company)),
                r -> r.statusCode() == 200 && r.asString().contains("documents.write"));
        assertThat(page.asString()).contains("it now asks for more").contains("High-risk permission")
                .contains("documents.write").doesNotContain("<strong>projects.read</strong>");
        Response approved = answer(browser, page.asString(), "approve");
        PersonSignIn.codeFrom(browser.get(PersonSignIn.local(approved.getHeader("Location"))), next);

        // prompt=consent asks for everything again, even when nothing is new.
        Pkce forced = Pkce.fresh();
        Response all = browser.get(app.authorizeUrl(forced, "&company_id=" + company + "&prompt=consent"));
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.asString()).contains("<strong>projects.read</strong>").contains("documents.write");
    }

    @Test
    void badRequestsGetTheRfcErrorOrAClearPageAndNeverACode() {
        Browser browser = new Browser();
        Pkce pkce = Pkce.fresh();
        Response consent = awaitConsentPage(browser, pkce, "");

        // Scopes: unknown, or beyond what the installation has (RFC 6749 §4.1.2.1 invalid_scope at the app).
        assertError(browser.get(app.authorizeUrl(pkce, "&company_id=" + company, "openid nosuch.scope")), pkce,
                "invalid_scope");
        assertError(browser.get(app.authorizeUrl(pkce, "&company_id=" + company, "openid budget.admin")), pkce,
                "invalid_scope");
        assertError(browser.get(app.authorizeUrl(pkce, "", "openid")), pkce, "invalid_request");
        assertError(browser.get(app.authorizeUrl(pkce, "&company_id=" + company + "&prompt=none")), pkce,
                "consent_required");
        Response elsewhere = browser.get(app.authorizeUrl(pkce, "&company_id=" + UUID.randomUUID()));
        assertError(elsewhere, pkce, "access_denied");

        // The consent form: forged ticket, wrong CSRF token, no decision: a page, nothing approved.
        String page = consent.asString();
        String csrf = PersonSignIn.csrf(page);
        Response forged = browser.post("/oauth2/authorize/consent", Map.of("csrf_token", csrf, "ticket",
                "gatehouse_ct_forged", "decision", "approve"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("not valid");
        Response noCsrf = browser.post("/oauth2/authorize/consent", Map.of("csrf_token", "gatehouse_csrf_other",
                "ticket", ticket(page), "decision", "approve"));
        assertThat(noCsrf.statusCode()).isEqualTo(400);
        Response noDecision = browser.post("/oauth2/authorize/consent", Map.of("csrf_token", csrf,
                "ticket", ticket(page), "decision", "maybe"));
        assertThat(noDecision.statusCode()).isEqualTo(400);
        // Another browser (another sign-in) cannot answer this one's page.
        Browser other = new Browser();
        Pkce otherPkce = Pkce.fresh();
        String otherPage = awaitConsentPage(other, otherPkce, "").asString();
        Response stolen = other.post("/oauth2/authorize/consent", Map.of("csrf_token", PersonSignIn.csrf(otherPage),
                "ticket", ticket(page), "decision", "approve"));
        assertThat(stolen.statusCode()).isEqualTo(400);

        // Denied: back to the app with access_denied; the page answered once, so a replay is refused.
        Response denied = answer(browser, page, "deny");
        assertError(denied, pkce, "access_denied");
        Response replayed = answer(browser, page, "approve");
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.asString()).contains("Already answered");
        assertThat(browser.get(app.authorizeUrl(Pkce.fresh(), "&company_id=" + company)).statusCode())
                .as("nothing was approved").isEqualTo(200);

        // A company where the app is not installed: a page that says an admin must install it.
        UUID another = UUID.randomUUID();
        role(member.id(), another, "company_member");
        await().atMost(WAIT).until(() -> feed.companyRole(another, member.id()).isPresent());
        Response notInstalled = browser.get(app.authorizeUrl(Pkce.fresh(), "&company_id=" + another));
        assertThat(notInstalled.statusCode()).isEqualTo(403);
        assertThat(notInstalled.asString()).contains("not installed").contains("install request");
    }

    @Test
    void theMemberOrAnAdminRevokesItAndTurningTheAppOffEndsItsGrants() {
        Browser browser = new Browser();
        Pkce pkce = Pkce.fresh();
        Response approved = answer(browser, awaitConsentPage(browser, pkce, "").asString(), "approve");
        Response tokens = PersonSignIn.exchange(app, PersonSignIn.codeFrom(browser.get(PersonSignIn.local(
                approved.getHeader("Location"))), pkce), pkce);
        ServiceAccounts.Created resourceServer = ServiceAccounts.in(company).resourceServer();

        // The member sees it with their own token (a first-party application's sign-in in the same browser).
        Client console = PersonSignIn.firstPartyClient();
        Pkce own = Pkce.fresh();
        String mine = PersonSignIn.exchange(console, PersonSignIn.code(browser, console, own, member.email(),
                Accounts.PASSWORD), own).path("access_token");
        given().auth().oauth2(mine).get("/me/integrations").then().statusCode(200)
                .body("[0].clientId", equalTo(clientId)).body("[0].companyId", equalTo(company.toString()))
                .body("[0].scopes", hasItem("projects.read"))
                .body("[0].email", equalTo(null));
        String admin = TestTokens.companyAdmin(company).sign();
        given().auth().oauth2(admin).get("/companies/" + company + "/integrations").then().statusCode(200)
                .body("[0].email", equalTo(member.email())).body("[0].appName", startsWith("Field Notes"));
        given().auth().oauth2(TestTokens.companyMember(company).sign()).get("/companies/" + company
                + "/integrations").then().statusCode(403);

        given().auth().oauth2(mine).delete("/me/integrations/" + company + "/" + clientId).then().statusCode(204);
        // Idempotent: nothing left to revoke is no error.
        given().auth().oauth2(mine).delete("/me/integrations/" + company + "/" + clientId).then().statusCode(204);
        PersonSignIn.refresh(app, tokens.path("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        introspect(resourceServer, tokens.path("access_token")).body("active", equalTo(false));
        Pkce asked = Pkce.fresh();
        assertThat(browser.get(app.authorizeUrl(asked, "&company_id=" + company)).statusCode())
                .as("consent is asked again").isEqualTo(200);

        // Approved again, then revoked by an admin of the company.
        Pkce second = Pkce.fresh();
        Response again = answer(browser, awaitConsentPage(browser, second, "").asString(), "approve");
        Response tokens2 = PersonSignIn.exchange(app, PersonSignIn.codeFrom(browser.get(PersonSignIn.local(
                again.getHeader("Location"))), second), second);
        given().auth().oauth2(admin).delete("/companies/" + company + "/integrations/" + member.id() + "/"
                + clientId).then().statusCode(204);
        introspect(resourceServer, tokens2.path("access_token")).body("active", equalTo(false));

        // Approved a third time; the admin turns the app off in the company: its grants end.
        Pkce third = Pkce.fresh();
        Response once = answer(browser, awaitConsentPage(browser, third, "").asString(), "approve");
        Response tokens3 = PersonSignIn.exchange(app, PersonSignIn.codeFrom(browser.get(PersonSignIn.local(
                once.getHeader("Location"))), third), third);
        installed.send(AppsEvents.INSTALLATION_SUSPENDED, new InstallationSuspended(installed.state("suspended",
                List.of("directory.read", "projects.read"), Map.of("projects", AccessLevel.READ_ONLY))));
        awaitBody(() -> introspect(resourceServer, tokens3.path("access_token")).extract().response(),
                r -> Boolean.FALSE.equals(r.path("active")));
        PersonSignIn.refresh(app, tokens3.path("refresh_token")).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        Response off = browser.get(app.authorizeUrl(Pkce.fresh(), "&company_id=" + company));
        assertThat(off.statusCode()).isEqualTo(403);
        assertThat(off.asString()).contains("turned off");
    }

    /** The consent page, signing in first; waits until token-service has the app's events. */
    private Response awaitConsentPage(Browser browser, Pkce pkce, String extra) {
        String url = app.authorizeUrl(pkce, "&company_id=" + company + extra);
        Response first = browser.get(url);
        if (first.statusCode() == 303) {
            PersonSignIn.signIn(browser, PersonSignIn.local(first.getHeader("Location")), member.email(),
                    Accounts.PASSWORD);
        }
        return awaitBody(() -> browser.get(url), r -> r.statusCode() == 200 && r.asString().contains("Authorize"));
    }

    private static Response answer(Browser browser, String page, String decision) {
        return browser.post("/oauth2/authorize/consent", Map.of("csrf_token", PersonSignIn.csrf(page),
                "ticket", ticket(page), "decision", decision));
    }

    private static String ticket(String page) {
        Matcher m = TICKET.matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }

    private static void assertError(Response response, Pkce pkce, String error) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(302);
        Map<String, String> query = PersonSignIn.query(response.getHeader("Location"));
        assertThat(query.get("error")).isEqualTo(error);
        assertThat(query.get("state")).isEqualTo(pkce.state());
        assertThat(query).doesNotContainKey("code");
    }

    private void role(UUID account, String role) {
        installed.role(account, company, role);
    }

    private void role(UUID account, UUID in, String role) {
        installed.role(account, in, role);
    }

    private static ValidatableResponse introspect(ServiceAccounts.Created as, String token) {
        return given().auth().preemptive().basic(as.clientId(), as.secret())
                .contentType("application/x-www-form-urlencoded").body("token=" + token)
                .post("/oauth2/introspect").then().statusCode(200);
    }

    private static JwtClaims claims(String jwt) throws Exception {
        return new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                .processToClaims(jwt);
    }

    private static Response awaitBody(Supplier<Response> call, Predicate<Response> done) {
        return Answers.awaitBody(call, done, WAIT);
    }
}
