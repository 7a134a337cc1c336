package dev.gatehouse.directory.legacyuser;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.LegacyServiceAccountChanged;
import dev.gatehouse.events.apps.LegacyServiceAccountCreated;
import dev.gatehouse.events.apps.LegacyServiceAccountMigrated;
import dev.gatehouse.events.apps.LegacyServiceAccountState;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.createProject;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Legacy service account events from the real broker make and steer the account's directory user: deprecated,
 * refused edits through the directory API, its token judged by its permissions now, deactivated once migrated.
 */
@QuarkusTest
class LegacyUserSyncTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final Actor ADMIN = new Actor(Actor.USER, "company-admin-fixture");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private UUID company;
    private UUID first;
    private UUID second;
    private final UUID accountId = UUID.randomUUID();
    private final UUID userId = UUID.randomUUID();

    @BeforeEach
    void company() {
        company = createCompany(unique("Legacy"));
        first = createProject(company, unique("First"));
        second = createProject(company, unique("Second"));
    }

    @Test
    void theAccountsUserAppearsDeprecatedWithItsPermissionsAndCannotBeEditedHere() {
        send(AppsEvents.LEGACY_SERVICE_ACCOUNT_CREATED, new LegacyServiceAccountCreated(state(1, "active",
                Map.of("directory", AccessLevel.READ_ONLY), List.of(first))));
        await().atMost(WITHIN).untilAsserted(() -> admin().get(user()).then().statusCode(200));

        admin().get(user()).then()
                .body("kind", equalTo("legacy"))
                .body("name", equalTo("Nightly ERP sync"))
                .body("deprecated", equalTo(true))
                .body("status", equalTo("active"))
                .body("managedBy.legacyServiceAccountId", equalTo(accountId.toString()))
                .body("managedBy.legacyServiceAccountStatus", equalTo("active"));
        admin().get(path("/users?kind=legacy")).then().statusCode(200).body("items.id", hasItem(userId.toString()));
        admin().get(user() + "/permissions").then().body("permissions.directory", equalTo("read_only"));
        admin().get(path("/projects/" + first + "/members/" + userId)).then().statusCode(200)
                .body("permissions.budget", equalTo("standard"));

        admin().contentType(ContentType.JSON).body("{\"name\": \"Renamed\"}").patch(user()).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gatehouse.dev/problems/legacy-managed"))
                .body("detail", containsString("/legacy-service-accounts/" + accountId));
        admin().contentType(ContentType.JSON).body("{\"permissions\": {\"budget\": \"admin\"}}")
                .put(user() + "/permissions").then().statusCode(409);
        admin().contentType(ContentType.JSON).body("{\"permissions\": {\"rfis\": \"admin\"}}")
                .put(path("/projects/" + second + "/members/" + userId)).then().statusCode(409);
        admin().delete(user()).then().statusCode(409);
    }

    @Test
    void itsTokenFollowsItsPermissionsAndProjectsAsTheyAreNowAndStopsOnceMigrated() {
        send(AppsEvents.LEGACY_SERVICE_ACCOUNT_CREATED, new LegacyServiceAccountCreated(state(1, "active",
                Map.of("directory", AccessLevel.READ_ONLY), List.of(first))));
        await().atMost(WITHIN).untilAsserted(() -> admin().get(user()).then().statusCode(200));
        String token = TestTokens.legacyServiceAccount(company, userId).sign();

        given().auth().oauth2(token).get(path("/users")).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\": \"Bot-made\", \"email\": \"bot@example.com\"}").post(path("/users")).then()
                .statusCode(403).body("detail", containsString("legacy service account grants directory read_only"));
        given().auth().oauth2(token).get(path("/projects")).then().statusCode(200)
                .body("items.id", containsInAnyOrder(first.toString()));
        given().auth().oauth2(token).get(path("/projects/" + second)).then().statusCode(403);
        // An app token naming the same user is not this user's: the role and the user's kind must agree.
        given().auth().oauth2(TestTokens.app(company, userId).sign()).get(path("/users")).then().statusCode(403);

        send(AppsEvents.LEGACY_SERVICE_ACCOUNT_CHANGED, new LegacyServiceAccountChanged(state(2, "active",
                Map.of("directory", AccessLevel.READ_ONLY), List.of(first, second))));
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(token).get(path("/projects/" + second))
                .then().statusCode(200));

        LegacyServiceAccountState migrated = state(3, "migrated", Map.of("directory", AccessLevel.READ_ONLY),
                List.of(first, second));
        send(AppsEvents.LEGACY_SERVICE_ACCOUNT_MIGRATED, new LegacyServiceAccountMigrated(migrated,
                UUID.randomUUID(), List.of()));
        await().atMost(WITHIN).untilAsserted(() -> admin().get(user()).then().body("status", equalTo("inactive")));
        admin().get(user()).then().body("managedBy.legacyServiceAccountStatus", equalTo("migrated"));
        given().auth().oauth2(token).get(path("/users")).then().statusCode(403)
                .body("detail", containsString("legacy service account behind this token is migrated"));

        // A late, older event changes nothing.
        send(AppsEvents.LEGACY_SERVICE_ACCOUNT_CHANGED, new LegacyServiceAccountChanged(state(2, "active",
                Map.of("directory", AccessLevel.ADMIN), List.of(first))));
        UUID marker = UUID.randomUUID();
        EventEnvelope probe = EventEnvelope.of(AppsEvents.LEGACY_SERVICE_ACCOUNT_CHANGED, "app-management-service",
                company, ADMIN, marker.toString(), new LegacyServiceAccountChanged(new LegacyServiceAccountState(
                        marker, 1, company, "Marker", UUID.randomUUID(), "lsa_marker", "active", Map.of(), Map.of(),
                        List.of(), null)));
        EventSender.send(bootstrap, Topics.APPS_LEGACY_SERVICE_ACCOUNT, probe);
        await().atMost(WITHIN).untilAsserted(() -> admin().get(path("/users?kind=legacy")).then()
                .body("items.name", hasItem("Marker")));
        admin().get(user()).then().body("status", equalTo("inactive"));
        admin().get(user() + "/permissions").then().body("permissions.directory", equalTo("read_only"));
    }

    private LegacyServiceAccountState state(int revision, String status, Map<String, AccessLevel> company,
            List<UUID> projects) {
        return new LegacyServiceAccountState(accountId, revision, this.company, "Nightly ERP sync", userId,
                "lsa_" + accountId.toString().replace("-", ""), status, company, Map.of("budget", AccessLevel.STANDARD),
                projects, "migrated".equals(status) ? UUID.randomUUID() : null);
    }

    private <P> void send(EventType<P> type, P payload) {
        EventSender.send(bootstrap, Topics.APPS_LEGACY_SERVICE_ACCOUNT, EventEnvelope.of(type,
                "app-management-service", company, ADMIN, accountId.toString(), payload));
    }

    private String path(String rest) {
        return "/companies/" + company + rest;
    }

    private String user() {
        return path("/users/" + userId);
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.companyAdmin(company).sign());
    }
}
