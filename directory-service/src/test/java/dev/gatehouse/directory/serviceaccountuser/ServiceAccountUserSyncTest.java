package dev.gatehouse.directory.serviceaccountuser;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.token.ServiceAccountChanged;
import dev.gatehouse.events.token.TokenEvents;
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

/**
 * Company service accounts' users (token-service's ServiceAccountChanged from the real broker): made with the account,
 * named like it, with the permissions and projects its admins gave it there, refused edits here, its tokens judged by
 * that user as it is now; inactive while the account is disabled, deactivated once it is deleted. An event older than
 * the one applied changes nothing.
 */
@QuarkusTest
class ServiceAccountUserSyncTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private UUID company;
    private UUID first;
    private UUID second;
    private final String clientId = "sa_" + UUID.randomUUID().toString().replace("-", "");
    private final UUID userId = UUID.randomUUID();

    @BeforeEach
    void company() {
        company = createCompany(unique("Service accounts"));
        first = createProject(company, unique("First"));
        second = createProject(company, unique("Second"));
    }

    @Test
    void theAccountsUserFollowsItsPermissionsAndStatusAndCannotBeEditedHere() {
        send(1, "active", Map.of("directory", AccessLevel.READ_ONLY), List.of(first));
        await().atMost(WITHIN).untilAsserted(() -> admin().get(user()).then().statusCode(200));
        admin().get(user()).then().body("kind", equalTo("service_account")).body("name", equalTo("Nightly export"))
                .body("status", equalTo("active")).body("managedBy.serviceAccountClientId", equalTo(clientId));
        admin().get(path("/projects/" + first + "/members/" + userId)).then().statusCode(200)
                .body("permissions.documents", equalTo("standard"));
        admin().contentType(ContentType.JSON).body("{\"name\": \"Renamed\"}").patch(user()).then().statusCode(409)
                .body("type", equalTo("https://gatehouse.dev/problems/service-account-managed"))
                .body("detail", containsString("/service-accounts/" + clientId));
        admin().contentType(ContentType.JSON).body("{\"permissions\": {\"budget\": \"admin\"}}")
                .put(user() + "/permissions").then().statusCode(409);
        admin().delete(user()).then().statusCode(409);

        String token = TestTokens.serviceAccount(company, userId).sign();
        given().auth().oauth2(token).get(path("/users")).then().statusCode(200);
        given().auth().oauth2(token).get(path("/projects")).then().statusCode(200)
                .body("items.id", containsInAnyOrder(first.toString()));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\": \"Bot-made\", \"email\": \"bot@example.com\"}").post(path("/users")).then()
                .statusCode(403).body("detail", containsString("service account grants directory read_only"));
        // Another kind's token naming this user is not its own.
        given().auth().oauth2(TestTokens.legacyServiceAccount(company, userId).sign()).get(path("/users")).then()
                .statusCode(403);

        // Edit Permissions: more projects, directory standard; an old event arriving late changes nothing.
        send(3, "active", Map.of("directory", AccessLevel.STANDARD), List.of(first, second));
        send(2, "active", Map.of(), List.of());
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(token).get(path("/projects")).then()
                .body("items.id", containsInAnyOrder(first.toString(), second.toString())));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\": \"Bot-made\", \"email\": \"" + UUID.randomUUID() + "@example.com\"}")
                .post(path("/users")).then().statusCode(201);

        send(4, "disabled", Map.of("directory", AccessLevel.STANDARD), List.of(first, second));
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(token).get(path("/users")).then()
                .statusCode(403).body("detail", containsString("service account behind this token is disabled")));
        admin().get(user()).then().body("status", equalTo("inactive"));

        send(5, "active", Map.of("directory", AccessLevel.STANDARD), List.of(first, second));
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(token).get(path("/users")).then()
                .statusCode(200));

        send(6, "deleted", Map.of("directory", AccessLevel.STANDARD), List.of(first, second));
        await().atMost(WITHIN).untilAsserted(() -> admin().get(user()).then().body("status", equalTo("inactive")));
        given().auth().oauth2(token).get(path("/users")).then().statusCode(403);
    }

    private void send(int revision, String status, Map<String, AccessLevel> company, List<UUID> projects) {
        EventSender.send(bootstrap, Topics.TOKEN_CLIENT, EventEnvelope.of(TokenEvents.SERVICE_ACCOUNT_CHANGED,
                "token-service", this.company, new Actor(Actor.USER, "company-admin-fixture"), clientId,
                new ServiceAccountChanged(clientId, revision, this.company, "Nightly export", userId, status, company,
                        Map.of("documents", AccessLevel.STANDARD), projects, false)));
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.companyAdmin(company).sign());
    }

    private String user() {
        return path("/users/" + userId);
    }

    private String path(String suffix) {
        return "/companies/" + company + suffix;
    }
}
