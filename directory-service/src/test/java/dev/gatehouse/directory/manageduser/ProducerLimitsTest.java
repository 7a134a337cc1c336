package dev.gatehouse.directory.manageduser;

import dev.gatehouse.directory.appuser.Installation;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.LegacyServiceAccountCreated;
import dev.gatehouse.events.apps.LegacyServiceAccountState;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The consumers of app-management's events take the longest values app-management's contract allows: an app name of
 * 200 characters (any script) and a legacy service account name of 150, so no such event can get stuck here.
 */
@QuarkusTest
class ProducerLimitsTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theLongestAppAndLegacyAccountNamesBecomeUsers() {
        UUID company = createCompany(unique("Limits"));
        Installation app = Installation.of(bootstrap, company).named("Ä€" + "x".repeat(197) + "界")
                .companyPermissions(Map.of("directory", AccessLevel.READ_ONLY));
        app.install();
        String legacyName = "L".repeat(149) + "é";
        UUID account = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        EventSender.send(bootstrap, Topics.APPS_LEGACY_SERVICE_ACCOUNT, EventEnvelope.of(
                AppsEvents.LEGACY_SERVICE_ACCOUNT_CREATED, "app-management-service", company,
                new Actor(Actor.USER, "company-admin-fixture"), account.toString(),
                new LegacyServiceAccountCreated(new LegacyServiceAccountState(account, 1, company, legacyName, user,
                        "lsa_" + account.toString().replace("-", ""), "active", Map.of(), Map.of(), List.of(),
                        null))));

        String admin = TestTokens.companyAdmin(company).sign();
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/companies/" + company + "/users/" + app.appUserId).then().statusCode(200)
                .body("kind", equalTo("app")));
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/companies/" + company + "/users?kind=legacy").then().statusCode(200)
                .body("items.name", hasItem(legacyName)));
    }
}
