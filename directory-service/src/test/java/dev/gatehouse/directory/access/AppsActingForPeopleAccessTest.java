package dev.gatehouse.directory.access;

import dev.gatehouse.directory.appuser.Installation;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.token.InvitationAccepted;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.createProject;
import static dev.gatehouse.directory.DirectoryApi.createUser;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An app acting for a person (docs/security.md, "Apps acting for people") may do at most what both its app user
 * and the person may, judged from the directory's data now: the app's tool levels and permitted projects, the
 * person's role and, for a member, the projects they are a member of. Losing either side loses it at once.
 */
@QuarkusTest
class AppsActingForPeopleAccessTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private UUID company;
    private UUID both;
    private UUID appOnly;
    private UUID personOnly;
    private UUID person;
    private final UUID account = UUID.randomUUID();
    private Installation app;

    @BeforeEach
    void aMemberAndAnInstalledApp() {
        company = createCompany(unique("Acting for people"));
        both = createProject(company, unique("Both"));
        appOnly = createProject(company, unique("App only"));
        personOnly = createProject(company, unique("Person only"));
        app = Installation.of(bootstrap, company).companyPermissions(Map.of("directory", AccessLevel.READ_ONLY,
                "projects", AccessLevel.STANDARD)).projects(both, appOnly);
        app.install();
        person = createUser(company, unique("Member"));
        EventSender.send(bootstrap, Topics.TOKEN_ACCOUNT, EventEnvelope.of(TokenEvents.INVITATION_ACCEPTED,
                "token-service", company, new Actor(Actor.USER, account.toString()), account.toString(),
                new InvitationAccepted(UUID.randomUUID(), InvitationAccepted.COMPANY, company, person, account)));
        await().atMost(WITHIN).untilAsserted(() -> admin().get(path("/users/" + person)).then()
                .body("accountId", equalTo(account.toString())));
        await().atMost(WITHIN).untilAsserted(() -> admin().get(path("/projects/" + appOnly + "/members/"
                + app.appUserId)).then().statusCode(200));
        member(both);
        member(personOnly);
    }

    @Test
    void theAppSeesOnlyProjectsBothMayAndLosesOneWhenThePersonDoes() {
        String token = TestTokens.appForPerson(company, account, app.appUserId).sign();
        given().auth().oauth2(token).get(path("/projects")).then().statusCode(200)
                .body("items.id", containsInAnyOrder(both.toString()));
        given().auth().oauth2(token).get(path("/projects/" + both)).then().statusCode(200);
        given().auth().oauth2(token).get(path("/projects/" + appOnly)).then().statusCode(403);
        given().auth().oauth2(token).get(path("/projects/" + personOnly)).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get(path("/users")).then().statusCode(200);

        // The person (a member) may not rename projects, though the app may: the lower side wins.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\": \"" + unique("Renamed") + "\"}")
                .patch(path("/projects/" + both)).then().statusCode(403)
                .body("detail", containsString("person at read_only"));
        // Nor does the token carry the person's company role: admin-only endpoints refuse it.
        given().auth().oauth2(token).get(path("/admin-policy")).then().statusCode(403);

        admin().delete(path("/projects/" + both + "/members/" + person)).then().statusCode(204);
        given().auth().oauth2(token).get(path("/projects/" + both)).then().statusCode(403);
        given().auth().oauth2(token).get(path("/projects")).then().body("items.id", org.hamcrest.Matchers.empty());
    }

    @Test
    void aCompanyAdminLendsEveryProjectTheAppMayUseAndTheAppsLevelsStillBound() {
        admin().contentType(ContentType.JSON).body("{\"permissions\": {\"directory\": \"admin\"}}")
                .put(path("/users/" + person + "/permissions")).then().statusCode(200);
        String token = TestTokens.appForPerson(company, account, app.appUserId).sign();
        given().auth().oauth2(token).get(path("/projects")).then().statusCode(200)
                .body("items.id", containsInAnyOrder(both.toString(), appOnly.toString()));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\": \"" + unique("Renamed") + "\"}")
                .patch(path("/projects/" + both)).then().statusCode(200);
        // The app's directory read_only bounds an admin's directory admin.
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\": \"Bot-made\", \"email\": \"" + UUID.randomUUID() + "@example.com\"}")
                .post(path("/users")).then().statusCode(403).body("detail", containsString("app may use directory"));
    }

    @Test
    void eitherSideGoneStopsTheToken() {
        String token = TestTokens.appForPerson(company, account, app.appUserId).sign();
        given().auth().oauth2(token).get(path("/projects/" + both)).then().statusCode(200);
        // Another app user (a token naming an installation it is not) or another person: nothing.
        given().auth().oauth2(TestTokens.appForPerson(company, account, person).sign()).get(path("/projects"))
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.appForPerson(company, UUID.randomUUID(), app.appUserId).sign())
                .get(path("/projects")).then().statusCode(403);
        given().auth().oauth2(TestTokens.appForPerson(createCompany(unique("Elsewhere")), account, app.appUserId)
                .sign()).get(path("/projects")).then().statusCode(403);
        // The token's scope narrows it, as for every token.
        given().auth().oauth2(TestTokens.appForPerson(company, account, app.appUserId).scope("projects.read")
                .sign()).get(path("/users")).then().statusCode(403)
                .header("WWW-Authenticate", containsString("insufficient_scope"));

        app.disable();
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(token).get(path("/projects/" + both))
                .then().statusCode(403).body("detail", containsString("disabled")));
        app.enable();
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(token).get(path("/projects/" + both))
                .then().statusCode(200));
        admin().delete(path("/users/" + person)).then().statusCode(204);
        given().auth().oauth2(token).get(path("/projects/" + both)).then().statusCode(403)
                .body("detail", containsString("not an active user"));
    }

    private void member(UUID project) {
        admin().contentType(ContentType.JSON).body("{\"permissions\": {\"documents\": \"read_only\"}}")
                .put(path("/projects/" + project + "/members/" + person)).then().statusCode(201);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.platformAdmin().sign());
    }

    private String path(String suffix) {
        return "/companies/" + company + suffix;
    }
}
