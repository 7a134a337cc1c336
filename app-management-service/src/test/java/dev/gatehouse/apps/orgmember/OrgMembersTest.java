package dev.gatehouse.apps.orgmember;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.DeveloperInvited;
import dev.gatehouse.events.apps.DeveloperRoleChanged;
import dev.gatehouse.events.token.InvitationAccepted;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static dev.gatehouse.apps.AppsApi.createDeveloperOrg;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * A developer organization's members: the platform admin invites the first owner, owners invite developers, change
 * roles and remove members, and the organization always keeps an owner. A member's token names only the
 * organization; their role is app-management's live word, so removing them counts on the next calls (measured).
 */
@QuarkusTest
class OrgMembersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void ownersManageMembersTheLastOwnerStaysAndRemovalCountsAtOnce() {
        UUID org = createDeveloperOrg("Members " + UUID.randomUUID().toString().substring(0, 8));
        UUID ownerAccount = UUID.randomUUID();
        UUID ownerId;
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_DEVELOPER_ORG, Topics.APPS_DEVELOPER_ROLE)) {
            ownerId = invite(platformAdmin(), org, "Olga Owner", "owner");
            DeveloperInvited invited = probe.await(e -> e.eventType().equals("DeveloperInvited")
                    && e.payloadAs(AppsEvents.DEVELOPER_INVITED).memberId().equals(ownerId), 1,
                    Duration.ofSeconds(20)).get(0).payloadAs(AppsEvents.DEVELOPER_INVITED);
            assertThat(invited.developerOrgName()).startsWith("Members");
            assertThat(invited.role()).isEqualTo("owner");
            accepted(org, ownerId, ownerAccount);
            DeveloperRoleChanged role = probe.await(e -> e.eventType().equals("DeveloperRoleChanged")
                    && e.aggregateId().equals(DeveloperRoleChanged.key(org, ownerAccount)), 1,
                    Duration.ofSeconds(20)).get(0).payloadAs(AppsEvents.DEVELOPER_ROLE_CHANGED);
            assertThat(role.role()).isEqualTo("owner");
        }
        String owner = TestTokens.person(ownerAccount).developerOrg(org).sign();
        awaitStatus(() -> as(owner).get("/developer-orgs/" + org + "/members").statusCode(), 200);
        as(owner).get("/developer-orgs/" + org + "/members/" + ownerId).then().statusCode(200)
                .body("status", equalTo("active")).body("accountId", equalTo(ownerAccount.toString()));

        // The only owner can neither step down nor leave.
        as(owner).contentType(ContentType.JSON).body(Map.of("role", "developer"))
                .patch("/developer-orgs/" + org + "/members/" + ownerId).then().statusCode(409)
                .body("type", endsWith("last-owner"));
        as(owner).delete("/developer-orgs/" + org + "/members/" + ownerId).then().statusCode(409);

        // The owner invites a developer, who develops but does not manage members.
        UUID devAccount = UUID.randomUUID();
        UUID devId = invite(as(owner), org, "Dev Eloper", null);
        as(owner).post("/developer-orgs/" + org + "/members/" + devId + "/invitation").then().statusCode(200);
        accepted(org, devId, devAccount);
        String developer = TestTokens.person(devAccount).developerOrg(org).sign();
        awaitStatus(() -> as(developer).get("/developer-orgs/" + org).statusCode(), 200);
        // Their token that names no organization lists where they develop (what the console asks first).
        as(TestTokens.person(devAccount).sign()).get("/developer-orgs").then().statusCode(200)
                .body("items.id", contains(org.toString()));
        as(TestTokens.person(UUID.randomUUID()).sign()).get("/developer-orgs").then().statusCode(200)
                .body("items", empty());
        as(developer).contentType(ContentType.JSON).body(Map.of("developerOrgId", org.toString(), "name",
                "App " + UUID.randomUUID(), "kind", "marketplace")).post("/apps").then().statusCode(201);
        as(developer).contentType(ContentType.JSON).body(Map.of("name", "X", "email", "x@example.com"))
                .post("/developer-orgs/" + org + "/members").then().statusCode(403);
        as(owner).post("/developer-orgs/" + org + "/members/" + devId + "/invitation").then().statusCode(409)
                .body("type", endsWith("not-invited"));
        as(owner).contentType(ContentType.JSON).body(Map.of("name", "Again", "email", "DEV-" + devId + "@x.example"))
                .post("/developer-orgs/" + org + "/members").then().statusCode(201);
        as(owner).contentType(ContentType.JSON).body(Map.of("name", "Again", "email", "dev-" + devId + "@X.example"))
                .post("/developer-orgs/" + org + "/members").then().statusCode(409);

        // A second owner lets the first step down.
        as(owner).contentType(ContentType.JSON).body(Map.of("role", "owner"))
                .patch("/developer-orgs/" + org + "/members/" + devId).then().statusCode(200)
                .body("role", equalTo("owner"));
        awaitStatus(() -> as(developer).post("/developer-orgs/" + org + "/members/" + ownerId + "/invitation")
                .statusCode(), 409);
        as(owner).contentType(ContentType.JSON).body(Map.of("role", "developer"))
                .patch("/developer-orgs/" + org + "/members/" + ownerId).then().statusCode(200);

        // Removed: refused on the next calls, without a new token.
        as(developer).delete("/developer-orgs/" + org + "/members/" + ownerId).then().statusCode(204);
        long removed = awaitStatus(() -> as(owner).get("/developer-orgs/" + org).statusCode(), 403);
        as(TestTokens.person(ownerAccount).sign()).get("/developer-orgs").then().statusCode(200)
                .body("items", empty());
        System.out.printf("a removed developer was refused %d ms after the removal answered%n", removed);
        assertThat(removed).as("within a few seconds").isLessThan(5_000);
        as(developer).get("/developer-orgs/" + org + "/members").then().statusCode(200)
                .body("items.name", contains("Dev Eloper", "Again"));
        as(developer).get("/developer-orgs/" + org + "/members?status=all").then().statusCode(200)
                .body("items.status", contains("removed", "active", "invited"));
        as(developer).get("/developer-orgs/" + org + "/members?status=gone").then().statusCode(400);
    }

    @Test
    void aPersonTokenCannotClaimToDevelopForAnOrganization() {
        UUID org = createDeveloperOrg("Claims " + UUID.randomUUID().toString().substring(0, 8));
        as(TestTokens.person(UUID.randomUUID()).developerOrg(org).role("developer").sign())
                .get("/developer-orgs/" + org).then().statusCode(403);
    }

    private UUID invite(RequestSpecification as, UUID org, String name, String role) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("name", name, "email",
                name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com"));
        if (role != null) {
            body.put("role", role);
        }
        return UUID.fromString(as.contentType(ContentType.JSON).body(body).post("/developer-orgs/" + org + "/members")
                .then().statusCode(201).body("status", equalTo("invited")).extract().path("id"));
    }

    private void accepted(UUID org, UUID member, UUID account) {
        EventSender.send(bootstrap, Topics.TOKEN_ACCOUNT, EventEnvelope.of(TokenEvents.INVITATION_ACCEPTED,
                "token-service", null, new Actor(Actor.USER, account.toString()), account.toString(),
                new InvitationAccepted(UUID.randomUUID(), InvitationAccepted.DEVELOPER_ORG, org, member, account)));
    }

    private static long awaitStatus(IntSupplier call, int status) {
        long start = System.nanoTime();
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).until(() -> call.getAsInt() == status);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static RequestSpecification platformAdmin() {
        return given().auth().oauth2(TestTokens.platformAdmin().sign());
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
