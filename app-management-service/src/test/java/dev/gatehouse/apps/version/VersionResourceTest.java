package dev.gatehouse.apps.version;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppVersionPublished;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.apps.AppsApi.MANIFEST;
import static dev.gatehouse.apps.AppsApi.createDeveloperOrg;
import static dev.gatehouse.apps.AppsApi.draftVersion;
import static dev.gatehouse.apps.AppsApi.registerApp;
import static dev.gatehouse.apps.AppsApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Versions, manifests validated against the served JSON Schema, and publishing. */
@QuarkusTest
class VersionResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private UUID org;
    private UUID app;

    @BeforeEach
    void app() {
        org = createDeveloperOrg(unique("Builders"));
        app = registerApp(org, unique("Sync"));
    }

    @Test
    void aDraftKeepsItsManifestAndCanStillChange() {
        draft("1.0.0", MANIFEST).then().statusCode(201)
                .body("status", equalTo("draft"))
                .body("manifest.companyPermissions.directory", equalTo("read_only"))
                .body("manifest.scopes", contains("directory.read", "documents.write"));
        developer().contentType(ContentType.JSON)
                .body("{\"manifest\": {\"companyPermissions\": {}, \"projectPermissions\": {\"rfis\": \"read_only\"}, "
                        + "\"scopes\": []}}")
                .put(versions() + "/1.0.0").then().statusCode(200)
                .body("manifest.projectPermissions.rfis", equalTo("read_only"));
        developer().get(versions()).then().statusCode(200).body("version", contains("1.0.0"));
    }

    @Test
    void everyManifestErrorPointsAtItsField() {
        draft("1.0.0", """
                {"companyPermissions": {"directory": "superuser", "payroll": "admin"},
                 "projectPermissions": {"projects": "admin"},
                 "scopes": ["Not A Scope"],
                 "redirectUris": ["http://evil.example.com/cb"],
                 "extra": true}""").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("manifest.companyPermissions.directory"))
                .body("errors.field", hasItem("manifest.companyPermissions.payroll"))
                .body("errors.field", hasItem("manifest.projectPermissions.projects"))
                .body("errors.field", hasItem("manifest.scopes.0"))
                .body("errors.field", hasItem("manifest.redirectUris.0"))
                .body("errors.field", hasItem("manifest.extra"));
        draft("1.0.0", "{\"companyPermissions\": {}}").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("manifest.projectPermissions", "manifest.scopes"));
        draft("1.0.0", "null").then().statusCode(400).body("errors[0].field", equalTo("manifest"));
        developer().get(versions()).then().body("$", empty());
    }

    /** Canvas asks vendors why: a manifest may justify each permission and scope it asks for, and only those. */
    @Test
    void justificationsExplainOnlyWhatTheManifestAsksFor() {
        draft("1.0.0", """
                {"companyPermissions": {"directory": "read_only"},
                 "projectPermissions": {"documents": "standard"},
                 "scopes": ["directory.read", "documents.write"],
                 "justifications": {"directory": "Finds who works on each project.",
                                    "documents.write": "Writes synced files back."}}""").then().statusCode(201)
                .body("manifest.justifications.directory", equalTo("Finds who works on each project."));
        draft("1.1.0", """
                {"companyPermissions": {"directory": "read_only"},
                 "projectPermissions": {},
                 "scopes": ["directory.read"],
                 "justifications": {"budget": "We never asked for it.", "budget.read": "Nor this."}}""")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("manifest.justifications.budget",
                        "manifest.justifications.budget.read"));
        draft("1.1.0", """
                {"companyPermissions": {}, "projectPermissions": {}, "scopes": [],
                 "justifications": {"payroll": "no such tool", "directory": ""}}""")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("manifest.justifications.payroll",
                        "manifest.justifications.directory"))
                .body("errors.find { it.field == 'manifest.justifications.payroll' }.message",
                        startsWith("is not a tool or a scope"));
    }

    @Test
    void versionsAreSemanticAndOnlyGoUp() {
        draft("one", MANIFEST).then().statusCode(400).body("errors[0].field", equalTo("version"));
        draft("1.2.0", MANIFEST).then().statusCode(201);
        draft("1.2.0", MANIFEST).then().statusCode(409);
        draft("1.1.9", MANIFEST).then().statusCode(409);
        draft("1.3.0-beta.1", MANIFEST).then().statusCode(201);
        draft("1.3.0", MANIFEST).then().statusCode(201);
    }

    @Test
    void publishingFreezesTheVersionAndAnnouncesItsManifest() {
        draftVersion(org, app, "1.0.0");
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_APP)) {
            developer().post(versions() + "/1.0.0/publish").then().statusCode(200)
                    .body("status", equalTo("published"));
            developer().post(versions() + "/1.0.0/publish").then().statusCode(200);

            List<EventEnvelope> published = probe.await(e -> e.aggregateId().equals(app.toString())
                    && e.eventType().equals(AppsEvents.APP_VERSION_PUBLISHED.name()), 2, Duration.ofSeconds(5));
            assertThat(published).as("publishing twice announces once").hasSize(1);
            AppVersionPublished payload = published.get(0).payloadAs(AppsEvents.APP_VERSION_PUBLISHED);
            assertThat(payload.version()).isEqualTo("1.0.0");
            assertThat(payload.manifest().companyPermissions()).containsEntry("directory", AccessLevel.READ_ONLY);
        }
        developer().contentType(ContentType.JSON).body("{\"manifest\": " + MANIFEST + "}")
                .put(versions() + "/1.0.0").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theSchemaIsPublicAndDescribesTheTools() {
        given().get("/manifest-schema").then().statusCode(200)
                .body("$schema", equalTo("https://json-schema.org/draft/2020-12/schema"))
                .body("properties.companyPermissions.properties.keySet()", contains("directory", "projects",
                        "documents", "rfis", "submittals", "budget"))
                .body("properties.projectPermissions.properties.keySet()", contains("directory", "documents",
                        "rfis", "submittals", "budget"));
    }

    @Test
    void onlyTheAppsDevelopersTouchItsVersions() {
        UUID stranger = createDeveloperOrg(unique("Stranger"));
        given().auth().oauth2(TestTokens.developer(stranger).sign()).contentType(ContentType.JSON)
                .body("{\"version\": \"1.0.0\", \"manifest\": " + MANIFEST + "}").post(versions()).then()
                .statusCode(403);
        developer().get(versions() + "/9.9.9").then().statusCode(404);
    }

    private Response draft(String version, String manifest) {
        return developer().contentType(ContentType.JSON)
                .body("{\"version\": \"" + version + "\", \"manifest\": " + manifest + "}").post(versions());
    }

    private String versions() {
        return "/apps/" + app + "/versions";
    }

    private RequestSpecification developer() {
        return given().auth().oauth2(TestTokens.developer(org).sign());
    }
}
