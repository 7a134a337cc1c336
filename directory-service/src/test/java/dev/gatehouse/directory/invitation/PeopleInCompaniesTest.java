package dev.gatehouse.directory.invitation;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.CompanyRoleChanged;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.PersonInvited;
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

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * People in companies: a company admin adds a person, which asks token-service to invite them; the account that
 * takes the invitation is linked to the person; and from then on the person's token, which names only the company,
 * is judged by the role the directory gives them now (company admin = admin on the company Directory tool). Taking
 * the admin right away or deactivating the person counts on the next calls, within a moment: the test measures it.
 */
@QuarkusTest
class PeopleInCompaniesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anInvitedPersonIsLinkedAndTheirRightsFollowTheDirectoryLive() {
        UUID company = createCompany(unique("People"));
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        UUID account = UUID.randomUUID();
        String token = TestTokens.person(account).company(company).sign();

        UUID user;
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.DIRECTORY_USER, Topics.DIRECTORY_COMPANY_ROLE)) {
            user = UUID.fromString(admin().contentType(ContentType.JSON)
                    .body(Map.of("name", "Ada Lovelace", "email", email))
                    .post("/companies/" + company + "/users").then().statusCode(201)
                    .body("invitedAt", org.hamcrest.Matchers.notNullValue()).extract().path("id"));
            PersonInvited invited = probe.await(e -> e.eventType().equals("PersonInvited")
                    && e.aggregateId().equals(user.toString()), 1, Duration.ofSeconds(20)).get(0)
                    .payloadAs(DirectoryEvents.PERSON_INVITED);
            assertThat(invited.email()).isEqualTo(email);
            assertThat(invited.companyName()).startsWith("People");

            as(token).get("/companies/" + company).then().statusCode(403);

            accepted(company, user, account);
            CompanyRoleChanged role = probe.await(e -> e.eventType().equals("CompanyRoleChanged")
                    && e.aggregateId().equals(CompanyRoleChanged.key(company, account)), 1, Duration.ofSeconds(20))
                    .get(0).payloadAs(DirectoryEvents.COMPANY_ROLE_CHANGED);
            assertThat(role.role()).isEqualTo("company_member");
            assertThat(role.userId()).isEqualTo(user);
        }
        admin().get("/companies/" + company + "/users/" + user).then().statusCode(200)
                .body("accountId", equalTo(account.toString())).body("role", equalTo("member"));
        admin().post("/companies/" + company + "/users/" + user + "/invitation").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("already-linked"));

        // A member reads; only an admin creates projects.
        await().atMost(10, TimeUnit.SECONDS).until(() -> as(token).get("/companies/" + company).statusCode() == 200);
        // Their token that names no company lists where they may act (what the console asks first).
        String anywhere = TestTokens.person(account).sign();
        as(anywhere).get("/companies").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(company.toString()))
                .body("items[0].name", org.hamcrest.Matchers.startsWith("People"));
        as(TestTokens.person(UUID.randomUUID()).sign()).get("/companies").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        as(token).contentType(ContentType.JSON).body(Map.of("name", unique("P")))
                .post("/companies/" + company + "/projects").then().statusCode(403);

        // Admin on the company Directory tool makes a company admin.
        admin().contentType(ContentType.JSON).body(Map.of("permissions", Map.of("directory", "admin")))
                .put("/companies/" + company + "/users/" + user + "/permissions").then().statusCode(200);
        admin().get("/companies/" + company + "/users?kind=person").then().statusCode(200)
                .body("items.find { it.id == '" + user + "' }.role", equalTo("admin"));
        long granted = awaitStatus(() -> as(token).contentType(ContentType.JSON).body(Map.of("name", unique("P")))
                .post("/companies/" + company + "/projects").statusCode(), 201);

        // Taken away again: refused on the next calls, without a new token.
        admin().contentType(ContentType.JSON).body(Map.of("permissions", Map.of("directory", "read_only")))
                .put("/companies/" + company + "/users/" + user + "/permissions").then().statusCode(200);
        admin().get("/companies/" + company + "/users/" + user).then().body("role", equalTo("member"));
        long revoked = awaitStatus(() -> as(token).contentType(ContentType.JSON).body(Map.of("name", unique("P")))
                .post("/companies/" + company + "/projects").statusCode(), 403);

        admin().delete("/companies/" + company + "/users/" + user).then().statusCode(204);
        long removed = awaitStatus(() -> as(token).get("/companies/" + company).statusCode(), 403);
        as(anywhere).get("/companies").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        System.out.printf("people's rights took effect after: admin granted %d ms, taken away %d ms, "
                + "person deactivated %d ms%n", granted, revoked, removed);
        assertThat(Math.max(granted, Math.max(revoked, removed))).as("within a few seconds").isLessThan(5_000);

        // A token for another company gets nothing there, and a token naming no company has no company role.
        as(TestTokens.person(account).company(createCompany(unique("Other"))).sign())
                .get("/companies/" + company).then().statusCode(403);
        as(TestTokens.person(account).sign()).get("/companies/" + company).then().statusCode(403);
    }

    @Test
    void aCompanyThatRequiresASecondFactorOfItsAdminsGetsOneOrAMember() {
        UUID company = createCompany(unique("Strict"));
        UUID account = UUID.randomUUID();
        UUID user = UUID.fromString(admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Strict Admin", "email", "strict-" + UUID.randomUUID() + "@example.com"))
                .post("/companies/" + company + "/users").then().statusCode(201).extract().path("id"));
        admin().contentType(ContentType.JSON).body(Map.of("permissions", Map.of("directory", "admin")))
                .put("/companies/" + company + "/users/" + user + "/permissions").then().statusCode(200);
        accepted(company, user, account);
        String passwordOnly = TestTokens.person(account).company(company).acr("urn:gatehouse:acr:password").sign();
        String withSecondFactor = TestTokens.person(account).company(company).acr("urn:gatehouse:acr:mfa").sign();
        awaitStatus(() -> as(passwordOnly).contentType(ContentType.JSON).body(Map.of("name", unique("P")))
                .post("/companies/" + company + "/projects").statusCode(), 201);

        as(passwordOnly).contentType(ContentType.JSON).body(Map.of("requireSecondFactor", true))
                .put("/companies/" + company + "/admin-policy").then().statusCode(200)
                .body("requireSecondFactor", equalTo(true));
        long applied = awaitStatus(() -> as(passwordOnly).contentType(ContentType.JSON)
                .body(Map.of("name", unique("P"))).post("/companies/" + company + "/projects").statusCode(), 403);
        System.out.printf("the second-factor requirement applied to a signed-in admin after %d ms%n", applied);
        as(passwordOnly).contentType(ContentType.JSON).body(Map.of("name", unique("P")))
                .post("/companies/" + company + "/projects").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("second-factor-required"));
        as(passwordOnly).get("/companies/" + company).then().statusCode(200);
        as(withSecondFactor).contentType(ContentType.JSON).body(Map.of("name", unique("P")))
                .post("/companies/" + company + "/projects").then().statusCode(201);
        admin().get("/companies/" + company).then().body("requireSecondFactorForAdmins", equalTo(true));

        as(withSecondFactor).contentType(ContentType.JSON).body(Map.of("requireSecondFactor", false))
                .put("/companies/" + company + "/admin-policy").then().statusCode(200);
        awaitStatus(() -> as(passwordOnly).contentType(ContentType.JSON).body(Map.of("name", unique("P")))
                .post("/companies/" + company + "/projects").statusCode(), 201);
    }

    @Test
    void aPersonTokenCannotClaimACompanyRoleForItself() {
        UUID company = createCompany(unique("Claims"));
        String forged = TestTokens.person(UUID.randomUUID()).company(company).role("company_admin").sign();
        as(forged).get("/companies/" + company).then().statusCode(403);
    }

    @Test
    void invitingAgainIsForActivePeopleNotYetSignedUpAndALinkForAnotherCompanyIsIgnored() {
        UUID company = createCompany(unique("Again"));
        UUID user = UUID.fromString(admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Grace Hopper", "email", "grace-" + UUID.randomUUID() + "@example.com"))
                .post("/companies/" + company + "/users").then().statusCode(201).extract().path("id"));
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.DIRECTORY_USER)) {
            admin().post("/companies/" + company + "/users/" + user + "/invitation").then().statusCode(200);
            probe.await(e -> e.eventType().equals("PersonInvited") && e.aggregateId().equals(user.toString()), 1,
                    Duration.ofSeconds(20));
        }
        UUID elsewhere = createCompany(unique("Elsewhere"));
        accepted(elsewhere, user, UUID.randomUUID());
        admin().delete("/companies/" + company + "/users/" + user).then().statusCode(204);
        admin().post("/companies/" + company + "/users/" + user + "/invitation").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("inactive"));
        admin().get("/companies/" + company + "/users/" + user).then().statusCode(200)
                .body("accountId", org.hamcrest.Matchers.nullValue());
    }

    private void accepted(UUID company, UUID user, UUID account) {
        EventSender.send(bootstrap, Topics.TOKEN_ACCOUNT, EventEnvelope.of(TokenEvents.INVITATION_ACCEPTED,
                "token-service", company, new Actor(Actor.USER, account.toString()), account.toString(),
                new InvitationAccepted(UUID.randomUUID(), InvitationAccepted.COMPANY, company, user, account)));
    }

    /** Milliseconds until {@code call} answers {@code status}. */
    private static long awaitStatus(java.util.function.IntSupplier call, int status) {
        long start = System.nanoTime();
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20)).until(() -> call.getAsInt() == status);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.platformAdmin().sign());
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
