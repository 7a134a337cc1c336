package dev.gatehouse.apps.listingreview;

import dev.gatehouse.apps.DirectoryFeed;
import dev.gatehouse.apps.PeopleRoles;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppListingReviewed;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.people.PeopleFeed;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.apps.AppsApi.createDeveloperOrg;
import static dev.gatehouse.apps.AppsApi.draftVersion;
import static dev.gatehouse.apps.AppsApi.publishUnreviewed;
import static dev.gatehouse.apps.AppsApi.registerApp;
import static dev.gatehouse.apps.AppsApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A marketplace app reaches companies only once a platform admin approved its listing; a rejection keeps it out
 * with a reason its developers see, and a new version asks again. A company's own app needs no review.
 */
@QuarkusTest
class ListingReviewTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    PeopleFeed people;

    @Inject
    AgroalDataSource dataSource;

    private UUID company;
    private UUID org;
    private UUID app;

    @BeforeEach
    void publishedButNotReviewed() {
        company = new DirectoryFeed(bootstrap, dataSource).company();
        org = createDeveloperOrg(unique("Vendors"));
        app = registerApp(org, unique("Unreviewed"));
        draftVersion(org, app, "1.0.0");
        publishUnreviewed(org, app, "1.0.0");
    }

    @Test
    void anUnreviewedAppIsInNoCatalogueUntilApprovedAndARejectionsReasonReachesItsDevelopers() {
        developer().get("/apps/" + app).then().body("listingStatus", equalTo("pending"))
                .body("listedAt", nullValue());
        assertThat(pending()).contains(app.toString());
        assertThat(catalogue()).doesNotContain(app.toString());
        admin().get("/companies/" + company + "/app-bindings/" + app).then().statusCode(404);

        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_APP)) {
            platformAdmin().contentType(ContentType.JSON).body("{}").post("/listing-reviews/" + app + "/reject")
                    .then().statusCode(400).body("errors[0].field", equalTo("note"));
            platformAdmin().contentType(ContentType.JSON).body("{\"note\": \"Add a privacy policy link.\"}")
                    .post("/listing-reviews/" + app + "/reject").then().statusCode(200)
                    .body("listingStatus", equalTo("rejected"));
            List<EventEnvelope> events = probe.await(e -> e.aggregateId().equals(app.toString())
                    && e.eventType().equals("AppListingReviewed"), 1, Duration.ofSeconds(15));
            AppListingReviewed rejected = events.get(0).payloadAs(AppsEvents.APP_LISTING_REVIEWED);
            assertThat(rejected.decision()).isEqualTo(AppListingReviewed.REJECTED);
            assertThat(rejected.note()).isEqualTo("Add a privacy policy link.");
        }
        developer().get("/apps/" + app).then().body("listingStatus", equalTo("rejected"))
                .body("listingNote", equalTo("Add a privacy policy link."));
        assertThat(catalogue()).doesNotContain(app.toString());
        platformAdmin().contentType(ContentType.JSON).body("{}").post("/listing-reviews/" + app + "/approve")
                .then().statusCode(409).body("detail", containsString("not waiting for review"));

        draftVersion(org, app, "1.1.0");
        publishUnreviewed(org, app, "1.1.0");
        developer().get("/apps/" + app).then().body("listingStatus", equalTo("pending"));
        platformAdmin().contentType(ContentType.JSON).body("{\"note\": \"Thanks.\"}")
                .post("/listing-reviews/" + app + "/approve").then().statusCode(200)
                .body("listingStatus", equalTo("approved")).body("listedAt", notNullValue());
        assertThat(catalogue()).contains(app.toString());
        admin().get("/companies/" + company + "/app-bindings/" + app).then().statusCode(200)
                .body("state", equalTo("off"));
        platformAdmin().contentType(ContentType.JSON).body("{}").post("/listing-reviews/" + app + "/approve")
                .then().statusCode(409);
    }

    @Test
    void aCompanysOwnAppNeedsNoReview() {
        PeopleRoles roles = new PeopleRoles(bootstrap, people);
        PeopleRoles.Person insider = roles.developer(org);
        roles.member(insider.accountId(), company);
        UUID own = UUID.fromString(given().auth().oauth2(insider.token())
                .contentType(ContentType.JSON).body("{\"developerOrgId\": \"" + org + "\", \"name\": \""
                        + unique("In-house") + "\", \"kind\": \"company\", \"owningCompanyId\": \"" + company + "\"}")
                .post("/apps").then().statusCode(201).extract().path("id"));
        draftVersion(org, own, "1.0.0");
        publishUnreviewed(org, own, "1.0.0");
        developer().get("/apps/" + own).then().body("listingStatus", equalTo("unlisted"))
                .body("listedAt", notNullValue());
        assertThat(catalogue()).contains(own.toString());
        platformAdmin().contentType(ContentType.JSON).body("{}").post("/listing-reviews/" + own + "/approve")
                .then().statusCode(409).body("detail", containsString("needs no review"));
    }

    /** Every app id in the company's catalogue, all pages. */
    private List<String> catalogue() {
        return allPages(TestTokens.companyAdmin(company).sign(), "/companies/" + company + "/apps", "items.appId");
    }

    /** Every app id waiting for review, all pages. */
    private List<String> pending() {
        return allPages(TestTokens.platformAdmin().sign(), "/listing-reviews", "items.id");
    }

    private static List<String> allPages(String token, String path, String ids) {
        List<String> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = given().auth().oauth2(token).queryParam("limit", 200);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath body = page.get(path).then().statusCode(200).extract().jsonPath();
            all.addAll(body.getList(ids, String.class));
            cursor = body.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private RequestSpecification developer() {
        return given().auth().oauth2(TestTokens.developer(org).sign());
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.companyAdmin(company).sign());
    }

    private RequestSpecification platformAdmin() {
        return given().auth().oauth2(TestTokens.platformAdmin().sign());
    }
}
