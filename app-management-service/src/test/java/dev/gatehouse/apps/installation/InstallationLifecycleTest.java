package dev.gatehouse.apps.installation;

import dev.gatehouse.apps.DirectoryFeed;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationProjectsChanged;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.apps.UpgradeRequested;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.ScopeCatalogue;
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
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.apps.AppsApi.MANIFEST;
import static dev.gatehouse.apps.AppsApi.bind;
import static dev.gatehouse.apps.AppsApi.createDeveloperOrg;
import static dev.gatehouse.apps.AppsApi.draftVersion;
import static dev.gatehouse.apps.AppsApi.publish;
import static dev.gatehouse.apps.AppsApi.registerApp;
import static dev.gatehouse.apps.AppsApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

/** Installing, permitted projects, the lifecycle and upgrades, as an admin drives them and as events announce them. */
@QuarkusTest
class InstallationLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    private DirectoryFeed directory;
    private UUID company;
    private UUID org;
    private UUID app;

    @BeforeEach
    void marketplaceApp() {
        directory = new DirectoryFeed(bootstrap, dataSource);
        company = directory.company();
        org = createDeveloperOrg(unique("Developers"));
        app = registerApp(org, unique("Sync"));
        draftVersion(org, app, "1.0.0", MANIFEST);
        publish(org, app, "1.0.0");
    }

    @Test
    void aNewAppIsOffUntilAnAdminTurnsItOnYetItsPermissionsAreVisibleBefore() {
        admin().get("/companies/" + company + "/apps").then().statusCode(200)
                .body("items.find { it.appId == '" + app + "' }.binding", equalTo("off"))
                .body("items.find { it.appId == '" + app + "' }.installable", equalTo(false))
                .body("items.find { it.appId == '" + app + "' }.latestVersion.manifest.companyPermissions.directory",
                        equalTo("read_only"))
                .body("items.find { it.appId == '" + app + "' }.latestVersion.manifest.scopes",
                        contains("directory.read", "documents.write"));
        install("{\"appId\": \"" + app + "\"}").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gatehouse.dev/problems/app-not-enabled"));
        bind(company, app, "allow");
        install("{\"appId\": \"" + app + "\"}").then().statusCode(409)
                .body("detail", containsString("install request"));
        bind(company, app, "on");
        admin().get("/companies/" + company + "/apps").then()
                .body("items.find { it.appId == '" + app + "' }.installable", equalTo(true));
    }

    @Test
    void installingAnnouncesTheWholeStateAndPermittedProjectsFollowTheAdmin() {
        bind(company, app, "on");
        UUID p1 = directory.project(company);
        UUID p2 = directory.project(company);
        UUID p3 = directory.project(company);
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_INSTALLATION)) {
            Response installed = install("{\"appId\": \"" + app + "\", \"projectIds\": [\"" + p1 + "\", \"" + p2
                    + "\"]}");
            installed.then().statusCode(201)
                    .body("status", equalTo("active"))
                    .body("version", equalTo("1.0.0"))
                    .body("companyPermissions.directory", equalTo("read_only"))
                    .body("projectPermissions.documents", equalTo("standard"))
                    .body("projectIds", contains(p1.toString(), p2.toString()));
            String id = installed.path("id");
            InstallationState state = stateOf(probe.await(e -> e.aggregateId().equals(id)
                    && e.eventType().equals("AppInstalled"), 1, WAIT).get(0));
            assertThat(state.revision()).isEqualTo(1);
            assertThat(state.appUserId().toString()).isEqualTo(installed.path("appUserId"));
            assertThat(state.projectIds()).containsExactly(p1, p2);
            assertThat(state.companyPermissions()).containsEntry("directory", AccessLevel.READ_ONLY);
            assertThat(state.scopes()).containsExactly("directory.read", "documents.write");

            String projects = "/companies/" + company + "/installations/" + id + "/permitted-projects";
            admin().delete(projects + "/" + p1).then().statusCode(200).body("projectIds", contains(p2.toString()));
            admin().contentType(ContentType.JSON).body("{\"projectIds\": [\"" + p3 + "\"]}").post(projects).then()
                    .statusCode(200).body("projectIds", contains(p2.toString(), p3.toString()));
            List<EventEnvelope> changes = probe.await(e -> e.aggregateId().equals(id)
                    && e.eventType().equals("InstallationProjectsChanged"), 2, WAIT);
            InstallationProjectsChanged removed = changes.get(0).payloadAs(AppsEvents.INSTALLATION_PROJECTS_CHANGED);
            assertThat(removed.removed()).containsExactly(p1);
            assertThat(removed.installation().revision()).isEqualTo(2);
            assertThat(changes.get(1).payloadAs(AppsEvents.INSTALLATION_PROJECTS_CHANGED).added())
                    .containsExactly(p3);

            admin().delete(projects + "/" + p1).then().statusCode(404);
            admin().contentType(ContentType.JSON).body("{\"projectIds\": [\"" + UUID.randomUUID() + "\"]}")
                    .post(projects).then().statusCode(400).body("errors.field", contains("projectIds.0"));
            admin().contentType(ContentType.JSON).body("{\"projectIds\": [\"" + p2 + "\", null]}")
                    .post(projects).then().statusCode(400).body("errors.field", contains("projectIds.1"));
        }
    }

    @Test
    void allCurrentAndFutureProjectsGainNewProjectsAsTheDirectoryCreatesThem() {
        bind(company, app, "on");
        UUID existing = directory.project(company);
        String id = install("{\"appId\": \"" + app + "\", \"projectAccess\": \"all_current_and_future\"}")
                .then().statusCode(201).body("projectIds", contains(existing.toString())).extract().path("id");
        UUID later = directory.project(company);
        awaitProjects(id, existing, later);
    }

    @Test
    void uninstallKeepsTheAppUserAndProjectsForAReinstallAndDisableIsReversible() {
        bind(company, app, "on");
        UUID p1 = directory.project(company);
        Response first = install("{\"appId\": \"" + app + "\", \"projectIds\": [\"" + p1 + "\"]}");
        String id = first.path("id");
        String appUser = first.path("appUserId");
        String base = "/companies/" + company + "/installations/" + id;
        admin().contentType(ContentType.JSON).body("{\"reason\": \"audit\"}").post(base + "/disable").then()
                .statusCode(200).body("status", equalTo("disabled")).body("statusReason", equalTo("audit"));
        admin().post(base + "/enable").then().statusCode(200).body("status", equalTo("active"))
                .body("statusReason", nullValue());
        install("{\"appId\": \"" + app + "\"}").then().statusCode(409);
        admin().delete(base).then().statusCode(200).body("status", equalTo("uninstalled"));
        // Like curl -X POST: no body, no Content-Type (the reason is optional).
        admin().noContentType().post(base + "/disable").then().statusCode(409)
                .body("detail", containsString("uninstalled"));

        install("{\"appId\": \"" + app + "\"}").then().statusCode(200)
                .body("id", equalTo(id))
                .body("appUserId", equalTo(appUser))
                .body("status", equalTo("active"))
                .body("projectIds", contains(p1.toString()))
                .body("revision", equalTo(5));
    }

    @Test
    void aVersionThatAddsAPermissionWaitsForApprovalWhileWhatItDropsAppliesAtOnce() {
        bind(company, app, "on");
        UUID project = directory.project(company);
        String id = install("{\"appId\": \"" + app + "\", \"projectIds\": [\"" + project + "\"]}").path("id");
        String base = "/companies/" + company + "/installations/" + id;
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_INSTALLATION, Topics.APPS_REQUEST)) {
            // 1.1.0 drops documents.write and projects-level documents, adds budget read_only at company level.
            draftVersion(org, app, "1.1.0", """
                    {"companyPermissions": {"directory": "read_only", "budget": "read_only"},
                     "projectPermissions": {},
                     "scopes": ["directory.read"]}""");
            publish(org, app, "1.1.0");
            admin().get(base).then().body("version", equalTo("1.0.0"))
                    .body("projectPermissions.documents", nullValue())
                    .body("scopes", contains("directory.read"))
                    .body("companyPermissions.budget", nullValue());
            InstallationState reduced = stateOf(probe.await(e -> e.aggregateId().equals(id)
                    && e.eventType().equals("InstallationPermissionsChanged"), 1, WAIT).get(0));
            assertThat(reduced.projectPermissions()).isEmpty();

            String requestId = admin().get(base + "/upgrade-requests").then().statusCode(200)
                    .body("status", contains("pending"))
                    .body("[0].fromVersion", equalTo("1.0.0")).body("[0].toVersion", equalTo("1.1.0"))
                    .body("[0].diff.companyPermissions.tool", contains("budget"))
                    .body("[0].diff.companyPermissions[0].change", equalTo("added"))
                    .body("[0].diff.projectPermissions[0].change", equalTo("removed"))
                    .body("[0].diff.scopesAdded", empty())
                    .body("[0].diff.scopesRemoved", contains("documents.write"))
                    .extract().path("[0].id");
            admin().post(base + "/upgrade-requests/" + requestId + "/approve").then().statusCode(200)
                    .body("status", equalTo("approved"));
            admin().get(base).then().body("version", equalTo("1.1.0"))
                    .body("companyPermissions.budget", equalTo("read_only"))
                    .body("projectIds", contains(project.toString()));
            InstallationState upgraded = stateOf(probe.await(e -> e.aggregateId().equals(id)
                    && e.eventType().equals("InstallationUpgraded"), 1, WAIT).get(0));
            assertThat(upgraded.version()).isEqualTo("1.1.0");
            assertThat(upgraded.companyPermissions()).containsEntry("budget", AccessLevel.READ_ONLY);
            admin().post(base + "/upgrade-requests/" + requestId + "/reject").then().statusCode(409);

            UpgradeRequested requested = probe.await(e -> e.aggregateId().equals(requestId)
                    && e.eventType().equals("UpgradeRequested"), 1, WAIT).get(0)
                    .payloadAs(AppsEvents.UPGRADE_REQUESTED);
            assertThat(requested.added()).containsExactly("company:budget:none->read_only");
            EventEnvelope decided = probe.await(e -> e.aggregateId().equals(requestId)
                    && e.eventType().equals("UpgradeRequestDecided"), 1, WAIT).get(0);
            assertThat(decided.companyId()).isEqualTo(company);
            assertThat(decided.payloadAs(AppsEvents.UPGRADE_REQUEST_DECIDED).decision()).isEqualTo("approved");
        }
    }

    @Test
    void aVersionThatAddsNothingIsTakenAtOnceAndARejectedOneLeavesTheVersion() {
        bind(company, app, "on");
        String id = install("{\"appId\": \"" + app + "\"}").path("id");
        String base = "/companies/" + company + "/installations/" + id;
        draftVersion(org, app, "1.0.1", MANIFEST);
        publish(org, app, "1.0.1");
        admin().get(base).then().body("version", equalTo("1.0.1"));
        admin().get(base + "/upgrade-requests").then().body("$", empty());

        draftVersion(org, app, "2.0.0", MANIFEST.replace("\"read_only\"", "\"standard\""));
        publish(org, app, "2.0.0");
        String requestId = admin().get(base + "/upgrade-requests").then()
                .body("[0].diff.companyPermissions[0].change", equalTo("raised")).extract().path("[0].id");
        admin().post(base + "/upgrade-requests/" + requestId + "/reject").then().statusCode(200)
                .body("status", equalTo("rejected"));
        admin().get(base).then().body("version", equalTo("1.0.1"))
                .body("companyPermissions.directory", equalTo("read_only"));
    }

    @Test
    void aStatusFilterThatIsNotAStatusIsA400NamingTheParameterAndItsValues() {
        admin().queryParam("status", "garbage").get("/companies/" + company + "/installations").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("active"));
    }

    @Test
    void highRiskPermissionsNeedAnAcknowledgementAndACompanyCanForbidThem() {
        UUID risky = registerApp(org, unique("Risky"));
        draftVersion(org, risky, "1.0.0", MANIFEST.replace("\"read_only\"", "\"admin\""));
        publish(org, risky, "1.0.0");
        bind(company, risky, "on");
        install("{\"appId\": \"" + risky + "\"}").then().statusCode(400)
                .body("errors.field", contains("acknowledgeHighRisk"));
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_COMPANY_SETTINGS)) {
            admin().contentType(ContentType.JSON).body("{\"forbidHighRiskApps\": true}")
                    .put("/companies/" + company + "/app-settings").then().statusCode(200);
            assertThat(probe.await(e -> e.aggregateId().equals(company.toString()), 1, WAIT).get(0)
                    .payloadAs(AppsEvents.APP_SETTINGS_CHANGED).forbidHighRiskApps()).isTrue();
        }
        install("{\"appId\": \"" + risky + "\", \"acknowledgeHighRisk\": true}").then().statusCode(409)
                .body("type", equalTo("https://gatehouse.dev/problems/high-risk-forbidden"));
        // The catalogue says so, and a member's request that no admin could approve is refused at once.
        String entry = "items.find { it.appId == '" + risky + "' }";
        admin().queryParam("limit", 200).get("/companies/" + company + "/apps").then().statusCode(200)
                .body(entry + ".installable", equalTo(false)).body(entry + ".requestable", equalTo(false))
                .body(entry + ".latestVersion.highRisk", equalTo(true))
                .body(entry + ".latestVersion.highRiskCompanyPermissions", contains("directory"));
        given().auth().oauth2(TestTokens.companyMember(company).sign()).contentType(ContentType.JSON)
                .body("{\"appId\": \"" + risky + "\"}").post("/companies/" + company + "/install-requests")
                .then().statusCode(409).body("type", equalTo("https://gatehouse.dev/problems/high-risk-forbidden"));
        admin().contentType(ContentType.JSON).body("{\"forbidHighRiskApps\": false}")
                .put("/companies/" + company + "/app-settings").then().statusCode(200);
        admin().queryParam("limit", 200).get("/companies/" + company + "/apps").then().statusCode(200)
                .body(entry + ".installable", equalTo(true)).body(entry + ".requestable", equalTo(true));
        install("{\"appId\": \"" + risky + "\", \"acknowledgeHighRisk\": true}").then().statusCode(201)
                .body("highRisk", equalTo(true));
    }

    @Test
    void aMemberAsksAndAnAdminsApprovalInstallsWhileADenialInstallsNothing() {
        bind(company, app, "allow");
        UUID p1 = directory.project(company);
        RequestSpecification member = given().auth().oauth2(TestTokens.companyMember(company).sign());
        String requests = "/companies/" + company + "/install-requests";
        String id = member.contentType(ContentType.JSON)
                .body("{\"appId\": \"" + app + "\", \"projectIds\": [\"" + p1 + "\"], \"note\": \"for sync\"}")
                .post(requests).then().statusCode(201).body("status", equalTo("pending")).extract().path("id");
        given().auth().oauth2(TestTokens.companyMember(company).sign()).contentType(ContentType.JSON)
                .body("{\"appId\": \"" + app + "\"}").post(requests).then().statusCode(409);
        admin().post(requests + "/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("approved")).body("installationId", notNullValue());
        admin().get("/companies/" + company + "/installations").then()
                .body("items.appId", hasItem(app.toString()))
                .body("items.find { it.appId == '" + app + "' }.projectIds", contains(p1.toString()));

        UUID other = registerApp(org, unique("Other"));
        draftVersion(org, other, "1.0.0", MANIFEST);
        publish(org, other, "1.0.0");
        bind(company, other, "on");
        String denied = given().auth().oauth2(TestTokens.companyMember(company).sign()).contentType(ContentType.JSON)
                .body("{\"appId\": \"" + other + "\"}").post(requests).then().statusCode(201).extract().path("id");
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_REQUEST)) {
            admin().contentType(ContentType.JSON).body("{\"note\": \"not now\"}")
                    .post(requests + "/" + denied + "/deny").then().statusCode(200)
                    .body("status", equalTo("denied")).body("decisionNote", equalTo("not now"));
            List<EventEnvelope> trail = probe.await(e -> e.aggregateId().equals(denied), 2, WAIT);
            assertThat(trail).extracting(EventEnvelope::eventType)
                    .containsExactly("InstallRequested", "InstallRequestDecided");
            assertThat(trail.get(1).payloadAs(AppsEvents.INSTALL_REQUEST_DECIDED).decision()).isEqualTo("denied");
        }
        admin().post(requests + "/" + denied + "/approve").then().statusCode(409);
        admin().get("/companies/" + company + "/installations").then()
                .body("items.appId", containsInAnyOrder(app.toString()));
    }

    @Test
    void anAppListsTheCompaniesWhereItIsInstalledWithItsOwnToken() {
        bind(company, app, "on");
        String installation = install("{\"appId\": \"" + app + "\"}").path("id");
        String clientId = given().auth().oauth2(TestTokens.developer(org).sign()).get("/apps/" + app).path("clientId");
        given().auth().oauth2(TestTokens.appClient(clientId).sign()).get("/app/installations").then()
                .statusCode(200).body("installationId", contains(installation))
                .body("companyId", contains(company.toString()));
        given().auth().oauth2(TestTokens.companyAdmin(company).sign()).get("/app/installations").then()
                .statusCode(403);
    }

    private void awaitProjects(String installationId, UUID... expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> ids = List.of();
        while (System.nanoTime() < deadline) {
            ids = admin().get("/companies/" + company + "/installations/" + installationId + "/permitted-projects")
                    .path("projectIds");
            if (ids.size() == expected.length) {
                break;
            }
            sleep();
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(expected).map(UUID::toString)
                .toList());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InstallationState stateOf(EventEnvelope e) {
        return AppsEvents.installationStateOf(e).orElseThrow();
    }

    /**
     * Canvas's default for inherited keys: an app listed before the platform's cut-off (2026-06-01 in the test
     * profile) starts on in a company that never chose, a later one off. An admin's choice overrides either.
     */
    @Test
    void anAppListedBeforeThePlatformsCutOffStartsOnAndALaterOneOff() throws Exception {
        String binding = "/companies/" + company + "/app-bindings/" + app;
        admin().get(binding).then().statusCode(200).body("state", equalTo("off")).body("updatedAt", nullValue());
        try (var connection = dataSource.getConnection();
                var listed = connection.prepareStatement("update app set listed_at = ? where id = ?")) {
            listed.setObject(1, java.time.OffsetDateTime.parse("2026-01-15T09:00:00Z"));
            listed.setObject(2, app);
            assertThat(listed.executeUpdate()).isEqualTo(1);
        }
        admin().get(binding).then().statusCode(200).body("state", equalTo("on")).body("updatedAt", nullValue());
        admin().get("/companies/" + company + "/apps").then()
                .body("items.find { it.appId == '" + app + "' }.binding", equalTo("on"))
                .body("items.find { it.appId == '" + app + "' }.installable", equalTo(true));
        install("{\"appId\": \"" + app + "\"}").then().statusCode(201);
        admin().contentType(ContentType.JSON).body("{\"state\": \"off\"}").put(binding).then().statusCode(200)
                .body("state", equalTo("off")).body("updatedAt", notNullValue())
                .body("installation.suspended", equalTo(true));
    }

    /**
     * Turning an installed app off keeps its installation but suspends it (the directory deactivates its app user,
     * token-service stops its tokens); turning it on brings it back as the admin left it, disabled included. The
     * binding's answer shows the installation the switch affects.
     */
    @Test
    void turningTheAppOffSuspendsItsInstallationAndTurningItOnBringsItBackAsItWas() {
        bind(company, app, "on");
        UUID project = directory.project(company);
        String id = install("{\"appId\": \"" + app + "\", \"projectIds\": [\"" + project + "\"]}").path("id");
        String base = "/companies/" + company + "/installations/" + id;
        String binding = "/companies/" + company + "/app-bindings/" + app;
        admin().get(binding).then().statusCode(200).body("installation.id", equalTo(id))
                .body("installation.suspended", equalTo(false));
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.APPS_INSTALLATION)) {
            admin().contentType(ContentType.JSON).body("{\"state\": \"off\"}").put(binding).then().statusCode(200)
                    .body("state", equalTo("off")).body("installation.suspended", equalTo(true))
                    .body("installation.status", equalTo("active"));
            InstallationState suspended = stateOf(probe.await(e -> e.aggregateId().equals(id)
                    && e.eventType().equals("InstallationSuspended"), 1, WAIT).get(0));
            assertThat(suspended.status()).isEqualTo(InstallationState.SUSPENDED);
            assertThat(suspended.active()).isFalse();
            assertThat(suspended.projectIds()).containsExactly(project);
            admin().get(base).then().body("status", equalTo("active")).body("suspended", equalTo(true))
                    .body("projectIds", contains(project.toString()));
            admin().get("/companies/" + company + "/apps").then()
                    .body("items.find { it.appId == '" + app + "' }.installation.suspended", equalTo(true));

            admin().contentType(ContentType.JSON).body("{\"reason\": \"audit\"}").post(base + "/disable").then()
                    .statusCode(200);
            admin().contentType(ContentType.JSON).body("{\"state\": \"on\"}").put(binding).then().statusCode(200)
                    .body("installation.suspended", equalTo(false));
            InstallationState resumed = stateOf(probe.await(e -> e.aggregateId().equals(id)
                    && e.eventType().equals("InstallationResumed"), 1, WAIT).get(0));
            assertThat(resumed.status()).isEqualTo(InstallationState.DISABLED);
            assertThat(resumed.revision()).isGreaterThan(suspended.revision());
        }
        admin().get(base).then().body("status", equalTo("disabled")).body("suspended", equalTo(false));
    }

    /**
     * Canvas's "enforce scopes": the catalogue marks an app that does not enforce its scopes, and moving an installed
     * app to such a version grants every catalogue scope, so it waits for an admin like any other widening.
     */
    @Test
    void aVersionThatStopsEnforcingScopesIsMarkedAndWaitsForApproval() {
        bind(company, app, "on");
        String id = install("{\"appId\": \"" + app + "\"}").then().statusCode(201).extract().path("id");
        String base = "/companies/" + company + "/installations/" + id;
        admin().get("/companies/" + company + "/apps").then().statusCode(200)
                .body("items.find { it.appId == '" + app + "' }.latestVersion.unscoped", equalTo(false));
        draftVersion(org, app, "2.0.0", """
                {"companyPermissions": {"directory": "read_only"},
                 "projectPermissions": {"documents": "standard"},
                 "scopes": ["directory.read"],
                 "enforceScopes": false}""");
        publish(org, app, "2.0.0");
        admin().get("/companies/" + company + "/apps").then().statusCode(200)
                .body("items.find { it.appId == '" + app + "' }.latestVersion.unscoped", equalTo(true))
                .body("items.find { it.appId == '" + app + "' }.latestVersion.manifest.enforceScopes", equalTo(false));
        admin().get(base).then().body("version", equalTo("1.0.0"))
                .body("scopes", containsInAnyOrder("directory.read", "documents.write"));
        String requestId = admin().get(base + "/upgrade-requests").then().statusCode(200)
                .body("status", contains("pending"))
                .body("[0].diff.scopesAdded", hasItem("budget.admin"))
                .extract().path("[0].id");
        admin().post(base + "/upgrade-requests/" + requestId + "/approve").then().statusCode(200);
        admin().get(base).then().body("version", equalTo("2.0.0"))
                .body("scopes", containsInAnyOrder(ScopeCatalogue.names().toArray()));
    }

    private Response install(String body) {
        return admin().contentType(ContentType.JSON).body(body).post("/companies/" + company + "/installations");
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.companyAdmin(company).sign());
    }
}
