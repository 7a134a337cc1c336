package dev.gatehouse.token.installation;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppClientIds;
import dev.gatehouse.events.apps.AppListing;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppUpdated;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * token-service's consumer of app events takes everything app-management's contract allows (the longest name and
 * description, renames, a name freed by a rename), and an event it cannot apply is parked instead of stopping the
 * events behind it; an operator replays it once the cause is fixed.
 */
@QuarkusTest
class AppEventsConsumerTest {

    private static final Actor DEVELOPER = new Actor(Actor.USER, "developer-fixture");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    private final UUID org = UUID.randomUUID();
    private final String developer = TestTokens.developer(org).sign();

    @Test
    void theLongestNameAndDescriptionTheProducerAllowsAreTakenAndARenameFreesTheName() {
        UUID first = UUID.randomUUID();
        String longest = "N".repeat(190) + first.toString().substring(0, 10);
        String description = "d".repeat(2000);
        register(first, longest, description);
        awaitClient(first).body("name", equalTo(longest)).body("description", equalTo(description));

        updated(first, "Renamed " + first, "short");
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> client(first).body("name", equalTo("Renamed " + first))
                .body("description", equalTo("short")));

        // Another app of the organization takes the freed name: no collision, nothing stuck.
        UUID second = UUID.randomUUID();
        register(second, longest, "");
        awaitClient(second).body("name", equalTo(longest));
    }

    @Test
    void anEventThatCannotBeAppliedIsParkedTheOthersGoOnAndAReplayAppliesItInOrder() throws Exception {
        UUID blocked = UUID.randomUUID();
        String blockedName = "blocked " + blocked;
        // Something the data cannot pass until an operator fixes it (here: a constraint, standing for any bug).
        String constraint = "test_block_" + blocked.toString().substring(0, 8);
        execute("alter table client add constraint " + constraint + " check (name <> '" + blockedName + "')");
        try {
            register(blocked, blockedName, "");
            updated(blocked, "unblocked " + blocked, "after the fix");
            UUID next = UUID.randomUUID();
            register(next, "next " + next, "");

            awaitClient(next); // the consumer went on
            String admin = TestTokens.platformAdmin().sign();
            JsonPath open = await().atMost(30, TimeUnit.SECONDS).until(() -> given().auth().oauth2(admin)
                    .queryParam("limit", 200).get("/admin/parked-events").then().statusCode(200).extract()
                    .jsonPath(), page -> page.getList("items.aggregateKey", String.class).stream()
                    .filter(blocked.toString()::equals).count() == 2);
            List<String> ids = idsOf(open, blocked.toString());
            given().auth().oauth2(admin).get("/admin/parked-events/" + ids.get(0)).then().statusCode(200)
                    .body("eventType", equalTo("AppRegistered")).body("attempts", equalTo(5))
                    .body("error", containsString("check constraint"));
            given().auth().oauth2(admin).get("/admin/parked-events/" + ids.get(1)).then().statusCode(200)
                    .body("eventType", equalTo("AppUpdated")).body("behind", equalTo(ids.get(0)));
            given().auth().oauth2(developer).get("/clients/" + AppClientIds.of(blocked)).then().statusCode(404);
            given().get("/q/health/ready").then().body("checks.find { it.name == 'parked-events' }.data.parked",
                    greaterThanOrEqualTo(2));

            // The later event cannot jump the queue; the first fails again while the cause is there.
            given().auth().oauth2(admin).post("/admin/parked-events/" + ids.get(1) + "/replay").then()
                    .statusCode(409).contentType("application/problem+json");
            given().auth().oauth2(admin).post("/admin/parked-events/" + ids.get(0) + "/replay").then()
                    .statusCode(200).body("replayed", equalTo(List.of())).body("stillParked", equalTo(ids));

            execute("alter table client drop constraint " + constraint);
            given().auth().oauth2(admin).post("/admin/parked-events/" + ids.get(0) + "/replay").then()
                    .statusCode(200).body("replayed", equalTo(ids)).body("stillParked", equalTo(List.of()));
            client(blocked).body("name", equalTo("unblocked " + blocked)).body("description", equalTo("after the fix"));
            given().auth().oauth2(admin).post("/admin/parked-events/" + ids.get(0) + "/replay").then()
                    .statusCode(409);
        } finally {
            execute("alter table client drop constraint if exists " + constraint);
        }
    }

    private static List<String> idsOf(JsonPath page, String aggregate) {
        List<String> keys = page.getList("items.aggregateKey", String.class);
        List<String> ids = page.getList("items.id", String.class);
        return java.util.stream.IntStream.range(0, keys.size()).filter(i -> aggregate.equals(keys.get(i)))
                .mapToObj(ids::get).toList();
    }

    private void register(UUID appId, String name, String description) {
        EventSender.send(bootstrap, Topics.APPS_APP, EventEnvelope.of(AppsEvents.APP_REGISTERED,
                "app-management-service", null, DEVELOPER, appId.toString(),
                new AppRegistered(appId, org, name, description, AppClientIds.of(appId), "marketplace", null,
                        AppListing.NONE, "Fixture Developers")));
    }

    private void updated(UUID appId, String name, String description) {
        EventSender.send(bootstrap, Topics.APPS_APP, EventEnvelope.of(AppsEvents.APP_UPDATED,
                "app-management-service", null, DEVELOPER, appId.toString(),
                new AppUpdated(appId, org, name, description, AppListing.NONE)));
    }

    private io.restassured.response.ValidatableResponse awaitClient(UUID appId) {
        await().atMost(30, TimeUnit.SECONDS).until(() -> given().auth().oauth2(developer)
                .get("/clients/" + AppClientIds.of(appId)).statusCode() == 200);
        return client(appId);
    }

    private io.restassured.response.ValidatableResponse client(UUID appId) {
        return given().auth().oauth2(developer).get("/clients/" + AppClientIds.of(appId)).then().statusCode(200);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
