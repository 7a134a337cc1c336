package dev.gatehouse.apps.app;

import dev.gatehouse.apps.AppsApi;
import dev.gatehouse.apps.DirectoryFeed;
import dev.gatehouse.apps.PeopleRoles;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppListing;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.people.PeopleFeed;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.apps.AppsApi.createDeveloperOrg;
import static dev.gatehouse.apps.AppsApi.registerApp;
import static dev.gatehouse.apps.AppsApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Developer organizations and their apps. */
@QuarkusTest
class AppResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    PeopleFeed people;

    private UUID org;
    private String orgName;

    @BeforeEach
    void org() {
        orgName = unique("Acme");
        org = createDeveloperOrg(orgName);
    }

    @Test
    void aDeveloperRegistersAnAppAndItsClientIsAnnouncedForTokenService() {
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_APP)) {
            String name = unique("Document Sync");
            String id = developer().contentType(ContentType.JSON)
                    .body("{\"developerOrgId\": \"" + org + "\", \"name\": \"" + name + "\", \"description\": \"d\"}")
                    .post("/apps").then().statusCode(201)
                    .body("kind", equalTo("marketplace"))
                    .body("developerOrgId", equalTo(org.toString()))
                    .extract().path("id");
            String clientId = "app_" + id.replace("-", "");
            developer().get("/apps/" + id).then().statusCode(200).body("clientId", equalTo(clientId));

            List<EventEnvelope> events = probe.await(e -> e.aggregateId().equals(id), 1, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            AppRegistered registered = events.get(0).payloadAs(AppsEvents.APP_REGISTERED);
            assertThat(registered.clientId()).isEqualTo(clientId);
            assertThat(registered.name()).isEqualTo(name);
            assertThat(registered.kind()).isEqualTo("marketplace");
        }
    }

    @Test
    void aCompanyAppNamesItsCompanyAndAMarketplaceAppDoesNot() {
        developer().contentType(ContentType.JSON)
                .body("{\"developerOrgId\": \"" + org + "\", \"name\": \"" + unique("In-house")
                        + "\", \"kind\": \"company\"}")
                .post("/apps").then().statusCode(400).body("errors[0].field", equalTo("owningCompanyId"));
        developer().contentType(ContentType.JSON)
                .body("{\"developerOrgId\": \"" + org + "\", \"name\": \"" + unique("Public")
                        + "\", \"owningCompanyId\": \"" + UUID.randomUUID() + "\"}")
                .post("/apps").then().statusCode(400).body("errors[0].field", equalTo("owningCompanyId"));
        // A platform admin may name any company, so what is not one is a field error (a developer who is no member
        // of it is refused first: 403, which says nothing about whether the company exists).
        given().auth().oauth2(TestTokens.platformAdmin().sign()).contentType(ContentType.JSON)
                .body("{\"developerOrgId\": \"" + org + "\", \"name\": \"" + unique("In-house")
                        + "\", \"kind\": \"company\", \"owningCompanyId\": \"" + UUID.randomUUID() + "\"}")
                .post("/apps").then().statusCode(400).body("errors[0].field", equalTo("owningCompanyId"))
                .body("errors[0].message", containsString("not a company"));
        UUID company = new DirectoryFeed(bootstrap, dataSource).company();
        // Only a person who belongs to the company may make an app of its own for it.
        PeopleRoles roles = new PeopleRoles(bootstrap, people);
        PeopleRoles.Person dana = roles.developer(org);
        String inHouse = "{\"developerOrgId\": \"" + org + "\", \"name\": \"" + unique("In-house")
                + "\", \"kind\": \"company\", \"owningCompanyId\": \"" + company + "\"}";
        given().auth().oauth2(dana.token()).contentType(ContentType.JSON).body(inHouse).post("/apps").then()
                .statusCode(403).body("type", containsString("not-in-company"));
        developer().contentType(ContentType.JSON).body(inHouse).post("/apps").then().statusCode(403);
        roles.member(dana.accountId(), company);
        given().auth().oauth2(dana.token()).contentType(ContentType.JSON).body(inHouse).post("/apps").then()
                .statusCode(201).body("owningCompanyId", equalTo(company.toString()));
        developer().contentType(ContentType.JSON)
                .body("{\"developerOrgId\": \"" + org + "\", \"name\": \"x\", \"kind\": \"private\"}")
                .post("/apps").then().statusCode(400);
    }

    @Test
    void appNamesAreUniqueAcrossThePlatform() {
        String name = unique("Taken");
        registerApp(org, name);
        UUID other = createDeveloperOrg(unique("Other"));
        given().auth().oauth2(TestTokens.developer(other).sign()).contentType(ContentType.JSON)
                .body("{\"developerOrgId\": \"" + other + "\", \"name\": \"" + name.toUpperCase() + "\"}")
                .post("/apps").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void developersSeeAndChangeOnlyTheirOrganizationsApps() {
        UUID mine = registerApp(org, unique("Mine"));
        UUID other = createDeveloperOrg(unique("Rival"));
        registerApp(other, unique("Theirs"));

        developer().get("/apps").then().statusCode(200).body("items.id", contains(mine.toString()));
        given().auth().oauth2(TestTokens.developer(other).sign()).get("/apps/" + mine).then().statusCode(403);
        given().auth().oauth2(TestTokens.developer(other).sign()).contentType(ContentType.JSON)
                .body("{\"developerOrgId\": \"" + org + "\", \"name\": \"" + unique("Sneaky") + "\"}")
                .post("/apps").then().statusCode(403);
        developer().contentType(ContentType.JSON).body("{\"description\": \"Now with RFIs\"}").patch("/apps/" + mine)
                .then().statusCode(200).body("description", equalTo("Now with RFIs"));
        given().auth().oauth2(TestTokens.companyAdmin(UUID.randomUUID()).sign()).get("/apps").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void unknownOrganizationsAndAppsAre404() {
        given().auth().oauth2(TestTokens.platformAdmin().sign()).contentType(ContentType.JSON)
                .body("{\"developerOrgId\": \"" + UUID.randomUUID() + "\", \"name\": \"" + unique("Orphan") + "\"}")
                .post("/apps").then().statusCode(404).contentType("application/problem+json");
        developer().get("/apps/" + UUID.randomUUID()).then().statusCode(404);
    }

    /**
     * What admins see before they enable an app: its contact e-mail and links, set at registration and changed
     * (or removed with an empty value) like any other field, each change announced; bad ones are field errors.
     */
    @Test
    void anAppsContactAndLinksAreCheckedKeptAndAnnounced() {
        String id = developer().contentType(ContentType.JSON)
                .body("{\"developerOrgId\": \"" + org + "\", \"name\": \"" + unique("Listed") + "\", "
                        + "\"contactEmail\": \"support@sync.example.com\", "
                        + "\"documentationUrl\": \"https://sync.example.com/docs\"}")
                .post("/apps").then().statusCode(201).body("contactEmail", equalTo("support@sync.example.com"))
                .body("documentationUrl", equalTo("https://sync.example.com/docs"))
                .body("privacyPolicyUrl", equalTo(null)).extract().path("id");
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_APP)) {
            developer().contentType(ContentType.JSON).body("{\"privacyPolicyUrl\": \"https://sync.example.com/p\", "
                    + "\"documentationUrl\": \"\"}").patch("/apps/" + id).then().statusCode(200)
                    .body("contactEmail", equalTo("support@sync.example.com"))
                    .body("documentationUrl", equalTo(null))
                    .body("privacyPolicyUrl", equalTo("https://sync.example.com/p"));
            List<EventEnvelope> events = probe.await(e -> e.aggregateId().equals(id)
                    && e.eventType().equals("AppUpdated"), 1, Duration.ofSeconds(15));
            assertThat(events.get(0).payloadAs(AppsEvents.APP_UPDATED).listing()).isEqualTo(new AppListing(
                    "support@sync.example.com", null, "https://sync.example.com/p"));
        }
        developer().contentType(ContentType.JSON).body("{\"contactEmail\": \"not an address\", "
                        + "\"documentationUrl\": \"http://sync.example.com/docs\"}")
                .patch("/apps/" + id).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("contactEmail", "documentationUrl"));

        AppsApi.draftVersion(org, UUID.fromString(id), "1.0.0");
        AppsApi.publish(org, UUID.fromString(id), "1.0.0");
        UUID company = new DirectoryFeed(bootstrap, dataSource).company();
        given().auth().oauth2(TestTokens.companyAdmin(company).sign()).get("/companies/" + company + "/apps")
                .then().statusCode(200)
                .body("items.find { it.appId == '" + id + "' }.listing.contactEmail",
                        equalTo("support@sync.example.com"))
                .body("items.find { it.appId == '" + id + "' }.listing.privacyPolicyUrl",
                        equalTo("https://sync.example.com/p"))
                .body("items.find { it.appId == '" + id + "' }.developerName", equalTo(orgName));
    }

    private RequestSpecification developer() {
        return given().auth().oauth2(TestTokens.developer(org).sign());
    }
}
