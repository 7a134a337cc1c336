package dev.gatehouse.token.installation;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppInstalled;
import dev.gatehouse.events.apps.AppListing;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppUninstalled;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationDisabled;
import dev.gatehouse.events.apps.InstallationProjectsChanged;
import dev.gatehouse.events.apps.InstallationResumed;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.apps.InstallationSuspended;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.Answers;
import dev.gatehouse.token.ServiceAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An app's one credential set, tokens for each company that installed it: the client comes from AppRegistered,
 * the installations from apps.installation.v1, both sent to the real broker as app-management would send them.
 */
@QuarkusTest
class InstallationTokenTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Actor ADMIN = new Actor(Actor.USER, "company-admin-fixture");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final UUID org = UUID.randomUUID();
    private final UUID appId = UUID.randomUUID();
    private final String clientId = "app_" + appId.toString().replace("-", "");
    private final UUID company = UUID.randomUUID();
    private final UUID installationId = UUID.randomUUID();
    private final UUID appUser = UUID.randomUUID();
    private final UUID p1 = UUID.randomUUID();
    private final UUID p2 = UUID.randomUUID();
    private String secret;
    private int revision;

    @BeforeEach
    void registeredApp() {
        EventSender.send(bootstrap, Topics.APPS_APP, EventEnvelope.of(AppsEvents.APP_REGISTERED,
                "app-management-service", null, new Actor(Actor.USER, "developer-fixture"), appId.toString(),
                new AppRegistered(appId, org, "Sync " + appId, "", clientId, "marketplace", null,
                        AppListing.NONE, "Fixture Developers")));
        String developer = TestTokens.developer(org).sign();
        awaitStatus(() -> given().auth().oauth2(developer).get("/clients/" + clientId), 200);
        secret = given().auth().oauth2(developer).noContentType().post("/clients/" + clientId + "/secrets").then()
                .statusCode(201).extract().path("clientSecret");
    }

    @Test
    void theAppGetsATokenForACompanyThatInstalledItAsItsAppUserWithWhatItGrants() throws Exception {
        send(AppsEvents.APP_INSTALLED, new AppInstalled(state("active", List.of(p1, p2))));
        Response response = awaitToken("company_id=" + company);
        response.then().statusCode(200).header("Cache-Control", "no-store")
                .body("company_id", equalTo(company.toString()))
                .body("installation_id", equalTo(installationId.toString()))
                .body("scope", equalTo("directory.read documents.write"))
                .body("permissions.company.directory", equalTo("read_only"))
                .body("permissions.project.documents", equalTo("standard"))
                .body("project_ids", contains(p1.toString(), p2.toString()));
        JwtClaims claims = claims(response.path("access_token"));
        assertThat(claims.getSubject()).isEqualTo(appUser.toString());
        assertThat(claims.getClaimValue("company_id")).isEqualTo(company.toString());
        assertThat(claims.getClaimValue("installation_id")).isEqualTo(installationId.toString());
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("app");
        assertThat(claims.getClaimValue("client_id")).isEqualTo(clientId);

        token("resource=urn:gatehouse:company:" + company + "&scope=directory.read").statusCode(200)
                .body("scope", equalTo("directory.read"));
        token("resource=http://localhost:8081/companies/" + company).statusCode(200);
        token("company_id=" + company + "&scope=budget.write").statusCode(400).body("error", equalTo("invalid_scope"));
        token("company_id=" + company + "&resource=urn:gatehouse:company:" + company).statusCode(400)
                .body("error", equalTo("invalid_request"));
        token("resource=https://elsewhere.example/thing").statusCode(400).body("error", equalTo("invalid_target"));
        token("company_id=" + UUID.randomUUID()).statusCode(400).body("error", equalTo("invalid_target"))
                .body("error_description", containsString("not installed"));
    }

    @Test
    void withoutACompanyTheTokenIsTheAppsOwnAndGrantsNothingInACompany() throws Exception {
        send(AppsEvents.APP_INSTALLED, new AppInstalled(state("active", List.of(p1))));
        String token = token("").statusCode(200).extract().path("access_token");
        JwtClaims claims = claims(token);
        assertThat(claims.getSubject()).isEqualTo(clientId);
        assertThat(claims.hasClaim("company_id")).isFalse();
        assertThat(claims.hasClaim("roles")).isFalse();
    }

    @Test
    void projectChangesShowInNewTokensAndDisableAndUninstallEndTokensAtOnce() {
        send(AppsEvents.APP_INSTALLED, new AppInstalled(state("active", List.of(p1, p2))));
        String token = awaitToken("company_id=" + company).path("access_token");
        ServiceAccounts.Created resourceServer = ServiceAccounts.in(company).resourceServer();
        introspect(resourceServer, token).body("active", equalTo(true))
                .body("installation_id", equalTo(installationId.toString()))
                .body("project_ids", contains(p1.toString(), p2.toString()));

        send(AppsEvents.INSTALLATION_PROJECTS_CHANGED, new InstallationProjectsChanged(state("active", List.of(p2)),
                List.of(), List.of(p1)));
        awaitBody(() -> token("company_id=" + company).extract().response(),
                r -> List.of(p2.toString()).equals(r.path("project_ids")));
        introspect(resourceServer, token).body("project_ids", contains(p2.toString()));

        send(AppsEvents.INSTALLATION_DISABLED, new InstallationDisabled(state("disabled", List.of(p2)), "paused"));
        awaitBody(() -> token("company_id=" + company).extract().response(),
                r -> "invalid_target".equals(r.path("error")));
        token("company_id=" + company).body("error_description", containsString("disabled"));
        introspect(resourceServer, token).body("active", equalTo(false));

        send(AppsEvents.APP_UNINSTALLED, new AppUninstalled(state("uninstalled", List.of(p2))));
        awaitBody(() -> token("company_id=" + company).extract().response(),
                r -> {
                    String description = r.path("error_description");
                    return description != null && description.contains("uninstalled");
                });
    }

    /** An app turned off in the company: no new token, the old one dead; turned on again, new tokens as before. */
    @Test
    void anAppTurnedOffInTheCompanyGetsNoTokenThereUntilItIsTurnedOnAgain() {
        send(AppsEvents.APP_INSTALLED, new AppInstalled(state("active", List.of(p1))));
        String token = awaitToken("company_id=" + company).path("access_token");
        ServiceAccounts.Created resourceServer = ServiceAccounts.in(company).resourceServer();

        send(AppsEvents.INSTALLATION_SUSPENDED, new InstallationSuspended(state("suspended", List.of(p1))));
        awaitBody(() -> token("company_id=" + company).extract().response(),
                r -> "invalid_target".equals(r.path("error")));
        token("company_id=" + company).body("error_description", containsString("turned off"));
        introspect(resourceServer, token).body("active", equalTo(false));

        send(AppsEvents.INSTALLATION_RESUMED, new InstallationResumed(state("active", List.of(p1))));
        // The first token it gets again is live: the grant waits out the cut-off's second rather than issue a token
        // every service refuses (whole-second iat).
        Response live = introspect(resourceServer, awaitToken("company_id=" + company).path("access_token"))
                .body("active", equalTo(true)).extract().response();
        assertThat(live.<List<String>>path("project_ids")).containsExactly(p1.toString());
        introspect(resourceServer, token).body("active", equalTo(false));
    }

    private InstallationState state(String status, List<UUID> projects) {
        revision++;
        return new InstallationState(installationId, revision, company, appId, "Sync", clientId, "1.0.0", status,
                appUser, Map.of("directory", AccessLevel.READ_ONLY), Map.of("documents", AccessLevel.STANDARD),
                List.of("directory.read", "documents.write"), "selected", projects, false);
    }

    private <P> void send(EventType<P> type, P payload) {
        EventSender.send(bootstrap, Topics.APPS_INSTALLATION, EventEnvelope.of(type, "app-management-service",
                company, ADMIN, installationId.toString(), payload));
    }

    private ValidatableResponse token(String params) {
        return given().auth().preemptive().basic(clientId, secret).contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials" + (params.isEmpty() ? "" : "&" + params))
                .post("/oauth2/token").then();
    }

    private Response awaitToken(String params) {
        return awaitBody(() -> token(params).extract().response(), r -> r.statusCode() == 200);
    }

    private ValidatableResponse introspect(ServiceAccounts.Created as, String token) {
        return given().auth().preemptive().basic(as.clientId(), as.secret())
                .contentType("application/x-www-form-urlencoded").body("token=" + token)
                .post("/oauth2/introspect").then().statusCode(200);
    }

    private static JwtClaims claims(String jwt) throws Exception {
        return new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                .processToClaims(jwt);
    }

    private static void awaitStatus(Supplier<Response> call, int status) {
        awaitBody(call, r -> r.statusCode() == status);
    }

    private static Response awaitBody(Supplier<Response> call, Predicate<Response> done) {
        return Answers.awaitBody(call, done, WAIT);
    }
}
