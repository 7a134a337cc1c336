package dev.gatehouse.apps.legacy;

import dev.gatehouse.apps.DirectoryFeed;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.LegacyServiceAccountMigrated;
import dev.gatehouse.events.apps.LegacyServiceAccountState;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static dev.gatehouse.apps.AppsApi.MANIFEST;
import static dev.gatehouse.apps.AppsApi.bind;
import static dev.gatehouse.apps.AppsApi.install;
import static dev.gatehouse.apps.AppsApi.publishedApp;
import static dev.gatehouse.apps.AppsApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Legacy (traditional) service accounts as a company admin drives them, and the events that make their user and
 * client elsewhere: create, change by hand, delete, and migrate onto an installation without widening access.
 */
@QuarkusTest
class LegacyServiceAccountTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** RFC 9745: deprecated since 2026-11-23T00:00:00Z. */
    private static final String DEPRECATION = "@1795392000";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    private DirectoryFeed directory;
    private UUID company;
    private String base;

    @BeforeEach
    void company() {
        directory = new DirectoryFeed(bootstrap, dataSource);
        company = directory.company();
        base = "/companies/" + company + "/legacy-service-accounts";
    }

    @Test
    void creatingOneAnnouncesItsUserAndClientAndMarksItDeprecatedEverywhere() {
        UUID project = directory.project(company);
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_LEGACY_SERVICE_ACCOUNT)) {
            Response created = create("""
                    {"name": "  Nightly ERP sync ", "companyPermissions": {"directory": "read_only", "budget": "none"},
                     "projectPermissions": {"budget": "standard"}, "projectIds": ["%s"]}""".formatted(project));
            created.then().statusCode(201)
                    .header("Location", containsString(base + "/"))
                    .header("Deprecation", DEPRECATION)
                    .body("name", equalTo("Nightly ERP sync"))
                    .body("deprecated", equalTo(true))
                    .body("deprecation", containsString(base + "/"))
                    .body("status", equalTo("active"))
                    .body("clientId", startsWith("lsa_"))
                    .body("companyPermissions.directory", equalTo("read_only"))
                    .body("companyPermissions.budget", nullValue())
                    .body("projectPermissions.budget", equalTo("standard"))
                    .body("projectIds", contains(project.toString()))
                    .body("highRisk", equalTo(false))
                    .body("$", not(org.hamcrest.Matchers.hasKey("clientSecret")));
            String id = created.path("id");
            assertThat(created.<String>path("deprecation")).contains(base + "/" + id + "/migrate");

            EventEnvelope event = probe.await(e -> e.aggregateId().equals(id), 1, WAIT).get(0);
            assertThat(event.eventType()).isEqualTo("LegacyServiceAccountCreated");
            assertThat(event.companyId()).isEqualTo(company);
            LegacyServiceAccountState state = AppsEvents.legacyServiceAccountStateOf(event).orElseThrow();
            assertThat(state.revision()).isEqualTo(1);
            assertThat(state.userId().toString()).isEqualTo(created.path("userId"));
            assertThat(state.clientId()).isEqualTo(created.<String>path("clientId"));
            assertThat(state.companyPermissions()).containsExactlyEntriesOf(java.util.Map.of("directory",
                    AccessLevel.READ_ONLY));
            assertThat(state.projectIds()).containsExactly(project);
            assertThat(state.active()).isTrue();

            admin().get(base + "/" + id).then().statusCode(200).header("Deprecation", DEPRECATION)
                    .body("deprecated", equalTo(true));
            admin().get(base + "?status=active").then().statusCode(200).header("Deprecation", DEPRECATION)
                    .body("items.id", contains(id));
            admin().get(base + "?status=bogus").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("status"));
        }
    }

    @Test
    void badInputIsRefusedWithEveryMistakeNamed() {
        UUID archivedOrUnknown = UUID.randomUUID();
        create("""
                {"name": "Bad", "companyPermissions": {"payroll": "admin", "budget": "superuser"},
                 "projectPermissions": {"projects": "read_only"}, "projectIds": []}""").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("companyPermissions.payroll", "companyPermissions.budget",
                        "projectPermissions.projects"));
        create("{\"name\": \"Bad\", \"projectIds\": [\"" + archivedOrUnknown + "\"]}").then().statusCode(400)
                .body("errors[0].field", equalTo("projectIds.0"));
        create("{\"name\": \"   \"}").then().statusCode(400).body("errors[0].field", containsString("name"));
        admin().contentType(ContentType.JSON).body("{\"name\": ").post(base).then().statusCode(400)
                .contentType("application/problem+json");

        create("{\"name\": \"Exporter\"}").then().statusCode(201);
        create("{\"name\": \"EXPORTER\"}").then().statusCode(409).contentType("application/problem+json");

        // Admin on the company Directory is high-risk, as for apps: acknowledged, or forbidden by the setting.
        String highRisk = "{\"name\": \"Risky\", \"companyPermissions\": {\"directory\": \"admin\"}";
        create(highRisk + "}").then().statusCode(400).body("errors[0].field", equalTo("acknowledgeHighRisk"));
        admin().contentType(ContentType.JSON).body("{\"forbidHighRiskApps\": true}")
                .put("/companies/" + company + "/app-settings").then().statusCode(200);
        create(highRisk + ", \"acknowledgeHighRisk\": true}").then().statusCode(409)
                .body("type", equalTo("https://gatehouse.dev/problems/high-risk-forbidden"));
        admin().contentType(ContentType.JSON).body("{\"forbidHighRiskApps\": false}")
                .put("/companies/" + company + "/app-settings").then().statusCode(200);
        create(highRisk + ", \"acknowledgeHighRisk\": true}").then().statusCode(201).body("highRisk", equalTo(true));

        admin().get(base + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json")
                .header("Deprecation", DEPRECATION);
    }

    @Test
    void anAdminChangesItByHandAndDeletingRetiresIt() {
        UUID p1 = directory.project(company);
        UUID p2 = directory.project(company);
        String id = create("{\"name\": \"Hand-made\", \"companyPermissions\": {\"directory\": \"read_only\"}, "
                + "\"projectIds\": [\"" + p1 + "\"]}").then().statusCode(201).extract().path("id");
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_LEGACY_SERVICE_ACCOUNT)) {
            admin().contentType(ContentType.JSON).body("{\"projectPermissions\": {\"rfis\": \"read_only\"}, "
                    + "\"projectIds\": [\"" + p1 + "\", \"" + p2 + "\"]}").patch(base + "/" + id).then()
                    .statusCode(200).header("Deprecation", DEPRECATION)
                    .body("companyPermissions.directory", equalTo("read_only"))
                    .body("projectPermissions.rfis", equalTo("read_only"))
                    .body("projectIds", contains(p1.toString(), p2.toString()))
                    .body("revision", equalTo(2));
            LegacyServiceAccountState changed = AppsEvents.legacyServiceAccountStateOf(probe.await(
                    e -> e.aggregateId().equals(id) && e.eventType().equals("LegacyServiceAccountChanged"), 1, WAIT)
                    .get(0)).orElseThrow();
            assertThat(changed.projectIds()).containsExactly(p1, p2);
            assertThat(changed.projectPermissions()).containsEntry("rfis", AccessLevel.READ_ONLY);

            admin().delete(base + "/" + id).then().statusCode(204).header("Deprecation", DEPRECATION);
            LegacyServiceAccountState deleted = AppsEvents.legacyServiceAccountStateOf(probe.await(
                    e -> e.aggregateId().equals(id) && e.eventType().equals("LegacyServiceAccountDeleted"), 1, WAIT)
                    .get(0)).orElseThrow();
            assertThat(deleted.status()).isEqualTo("deleted");
            assertThat(deleted.revision()).isEqualTo(3);
        }
        admin().get(base + "/" + id).then().body("status", equalTo("deleted"));
        admin().delete(base + "/" + id).then().statusCode(204);
        admin().contentType(ContentType.JSON).body("{\"projectIds\": []}").patch(base + "/" + id).then()
                .statusCode(409).body("detail", containsString("deleted"));
        // A deleted account's name is free again.
        create("{\"name\": \"Hand-made\"}").then().statusCode(201);
    }

    @Test
    void migratingInstallsTheAppOnItsProjectsButNeverWidensAccessUnasked() {
        UUID p1 = directory.project(company);
        UUID p2 = directory.project(company);
        UUID app = publishedApp(MANIFEST); // directory read_only; documents standard per project
        bind(company, app, "on");
        String id = create("{\"name\": \"Migrating\", \"companyPermissions\": {\"directory\": \"read_only\", "
                + "\"budget\": \"read_only\"}, \"projectPermissions\": {\"documents\": \"read_only\"}, "
                + "\"projectIds\": [\"" + p1 + "\", \"" + p2 + "\"]}").then().statusCode(201).extract().path("id");
        String migrate = base + "/" + id + "/migrate";

        // The manifest raises documents from read_only to standard: refused until accepted, and nothing installed.
        admin().contentType(ContentType.JSON).body("{\"appId\": \"" + app + "\"}").post(migrate).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://gatehouse.dev/problems/migration-adds-permissions"))
                .body("detail", containsString("project:documents:read_only->standard"));
        admin().get("/companies/" + company + "/installations").then().body("items", hasSize(0));
        admin().get(base + "/" + id).then().body("status", equalTo("active"));

        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_LEGACY_SERVICE_ACCOUNT)) {
            Response migrated = admin().contentType(ContentType.JSON)
                    .body("{\"appId\": \"" + app + "\", \"acceptAddedPermissions\": true}").post(migrate);
            migrated.then().statusCode(200)
                    .body("account.status", equalTo("migrated"))
                    .body("account.migratedToAppId", equalTo(app.toString()))
                    .body("installation.appId", equalTo(app.toString()))
                    .body("installation.status", equalTo("active"))
                    .body("installation.projectIds", contains(p1.toString(), p2.toString()))
                    .body("installation.companyPermissions.directory", equalTo("read_only"))
                    .body("permissionChanges.companyPermissions.find { it.tool == 'budget' }.change",
                            equalTo("removed"))
                    .body("permissionChanges.projectPermissions.find { it.tool == 'documents' }.change",
                            equalTo("raised"));
            String installationId = migrated.path("installation.id");
            assertThat(migrated.<String>path("account.installationId")).isEqualTo(installationId);

            EventEnvelope event = probe.await(e -> e.aggregateId().equals(id)
                    && e.eventType().equals("LegacyServiceAccountMigrated"), 1, WAIT).get(0);
            LegacyServiceAccountMigrated payload = event.payloadAs(AppsEvents.LEGACY_SERVICE_ACCOUNT_MIGRATED);
            assertThat(payload.account().status()).isEqualTo("migrated");
            assertThat(payload.account().installationId().toString()).isEqualTo(installationId);
            assertThat(payload.appId()).isEqualTo(app);
            assertThat(payload.permissionChanges()).contains("company:budget:read_only->none",
                    "project:documents:read_only->standard");
        }
        admin().contentType(ContentType.JSON).body("{\"appId\": \"" + app + "\"}").post(migrate).then()
                .statusCode(409).body("detail", containsString("migrated"));
    }

    @Test
    void migratingOntoAnAppAlreadyInstalledAddsTheAccountsProjectsToIt() {
        UUID kept = directory.project(company);
        UUID moved = directory.project(company);
        UUID app = publishedApp(MANIFEST);
        bind(company, app, "on");
        UUID installation = install(company, app, kept);
        String id = create("{\"name\": \"Already\", \"companyPermissions\": {\"directory\": \"read_only\"}, "
                + "\"projectPermissions\": {\"documents\": \"standard\"}, \"projectIds\": [\"" + moved + "\"]}")
                .then().statusCode(201).extract().path("id");

        admin().contentType(ContentType.JSON).body("{\"appId\": \"" + app + "\"}").post(base + "/" + id + "/migrate")
                .then().statusCode(200)
                .body("installation.id", equalTo(installation.toString()))
                .body("installation.projectIds", contains(kept.toString(), moved.toString()))
                .body("permissionChanges.companyPermissions", hasSize(0))
                .body("permissionChanges.projectPermissions", hasSize(0));
    }

    @Test
    void migratingNeedsAnAppTheCompanyMayInstall() {
        UUID app = publishedApp(MANIFEST); // binding off by default
        String id = create("{\"name\": \"Stuck\"}").then().statusCode(201).extract().path("id");
        admin().contentType(ContentType.JSON).body("{\"appId\": \"" + app + "\"}").post(base + "/" + id + "/migrate")
                .then().statusCode(409).body("type", equalTo("https://gatehouse.dev/problems/app-not-enabled"));
        admin().contentType(ContentType.JSON).body("{}").post(base + "/" + id + "/migrate").then().statusCode(400)
                .body("errors[0].field", containsString("appId"));
        admin().get(base + "/" + id).then().body("status", equalTo("active"));
    }

    private Response create(String body) {
        return admin().contentType(ContentType.JSON).body(body).post(base);
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.companyAdmin(company).sign());
    }
}
