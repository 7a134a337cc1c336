package dev.gatehouse.token.legacy;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.LegacyServiceAccountCreated;
import dev.gatehouse.events.apps.LegacyServiceAccountMigrated;
import dev.gatehouse.events.apps.LegacyServiceAccountState;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.ServiceAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A legacy service account's client, made and removed from app-management's events through the real broker: the
 * company's admins get its secret here (the hand-over that makes the model deprecated), its tokens act as the
 * account's directory user, and migrating the account ends its credentials and tokens.
 */
@QuarkusTest
class LegacyServiceAccountTokenTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Actor ADMIN = new Actor(Actor.USER, "company-admin-fixture");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final UUID company = UUID.randomUUID();
    private final UUID accountId = UUID.randomUUID();
    private final UUID userId = UUID.randomUUID();
    private final String clientId = "lsa_" + accountId.toString().replace("-", "");
    private final String accounts = "/companies/" + company + "/service-accounts";

    @Test
    void theAdminGetsItsSecretAndItsTokensActAsItsDirectoryUserUntilItIsMigrated() throws Exception {
        // A company service account already has the account's name: the legacy client gets a distinct one.
        ServiceAccounts.Created resourceServer = ServiceAccounts.in(company).resourceServer();
        String taken = given().auth().oauth2(admin()).get(resourceServer.path()).then().extract().path("name");
        send(AppsEvents.LEGACY_SERVICE_ACCOUNT_CREATED, new LegacyServiceAccountCreated(state(1, "active", taken)));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin()).get(accounts + "/" + clientId).then()
                .statusCode(200));

        given().auth().oauth2(admin()).get(accounts + "/" + clientId).then()
                .body("deprecated", equalTo(true))
                .body("legacyServiceAccountId", equalTo(accountId.toString()))
                .body("name", equalTo(taken + " (" + accountId.toString().substring(0, 8) + ")"))
                .body("secrets.size()", equalTo(0));
        given().auth().oauth2(admin()).get(accounts).then().statusCode(200)
                .body("items.find { it.clientId == '" + clientId + "' }.deprecated", equalTo(true))
                .body("items.find { it.clientId == '" + resourceServer.clientId() + "' }.deprecated", equalTo(false));
        String secret = given().auth().oauth2(admin()).noContentType().post(accounts + "/" + clientId + "/secrets")
                .then().statusCode(201).extract().path("clientSecret");

        String token = token(secret).statusCode(200).extract().path("access_token");
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                .processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo(userId.toString());
        assertThat(claims.getClaimValue("company_id")).isEqualTo(company.toString());
        assertThat(claims.getClaimValue("client_id")).isEqualTo(clientId);
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("legacy_service_account");
        // Legacy behaviour: unscoped, every catalogue scope; its user's permissions are its limit.
        assertThat(claims.getStringClaimValue("scope").split(" ")).containsExactlyInAnyOrderElementsOf(
                dev.gatehouse.events.permission.ScopeCatalogue.names());
        introspect(resourceServer, token).body("active", equalTo(true)).body("sub", equalTo(userId.toString()));

        // Its client goes only with the account.
        given().auth().oauth2(admin()).delete(accounts + "/" + clientId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gatehouse.dev/problems/legacy-managed"))
                .body("detail", containsString("/legacy-service-accounts/" + accountId));

        send(AppsEvents.LEGACY_SERVICE_ACCOUNT_MIGRATED, new LegacyServiceAccountMigrated(state(2, "migrated", taken),
                UUID.randomUUID(), List.of()));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin()).get(accounts + "/" + clientId)
                .then().statusCode(404));
        token(secret).statusCode(401).body("error", equalTo("invalid_client"));
        introspect(resourceServer, token).body("active", equalTo(false));
        given().auth().oauth2(admin()).get(accounts).then()
                .body("items.clientId", not(hasItem(clientId)));
    }

    private LegacyServiceAccountState state(int revision, String status, String name) {
        return new LegacyServiceAccountState(accountId, revision, company, name, userId, clientId, status,
                Map.of("directory", AccessLevel.READ_ONLY), Map.of(), List.of(),
                "migrated".equals(status) ? UUID.randomUUID() : null);
    }

    private <P> void send(EventType<P> type, P payload) {
        EventSender.send(bootstrap, Topics.APPS_LEGACY_SERVICE_ACCOUNT, EventEnvelope.of(type,
                "app-management-service", company, ADMIN, accountId.toString(), payload));
    }

    private String admin() {
        return TestTokens.companyAdmin(company).sign();
    }

    private ValidatableResponse token(String secret) {
        return given().auth().preemptive().basic(clientId, secret).contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials").post("/oauth2/token").then();
    }

    private static ValidatableResponse introspect(ServiceAccounts.Created as, String token) {
        return given().auth().preemptive().basic(as.clientId(), as.secret())
                .contentType("application/x-www-form-urlencoded").body("token=" + token)
                .post("/oauth2/introspect").then().statusCode(200);
    }
}
