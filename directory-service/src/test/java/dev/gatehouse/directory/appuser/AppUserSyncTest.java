package dev.gatehouse.directory.appuser;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppInstalled;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.UserCreated;
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
import java.util.Map;
import java.util.UUID;

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.createProject;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Installation events from the real broker create and steer app (DMSA) users. */
@QuarkusTest
class AppUserSyncTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private UUID company;
    private UUID first;
    private UUID second;
    private UUID other;

    @BeforeEach
    void company() {
        company = createCompany(unique("Installing"));
        first = createProject(company, unique("First"));
        second = createProject(company, unique("Second"));
        other = createProject(company, unique("Other"));
    }

    @Test
    void installingCreatesTheAppUserWithTheManifestsPermissionsOnThePermittedProjects() {
        Installation app = Installation.of(bootstrap, company).projects(first, second, UUID.randomUUID());
        app.install();

        awaitStatus("/users/" + app.appUserId, 200);
        admin().get(path("/users/" + app.appUserId)).then()
                .body("kind", equalTo("app"))
                .body("name", matchesPattern("my-dmsa-test-app-[0-9a-f]{8}"))
                .body("email", nullValue())
                .body("status", equalTo("active"))
                .body("managedBy.installationId", equalTo(app.installationId.toString()))
                .body("managedBy.appId", equalTo(app.appId.toString()));
        admin().get(path("/users/" + app.appUserId + "/permissions")).then().statusCode(200)
                .body("permissions.directory", equalTo("read_only"))
                .body("permissions.projects", equalTo("none"));
        for (UUID project : List.of(first, second)) {
            admin().get(path("/projects/" + project + "/members/" + app.appUserId)).then().statusCode(200)
                    .body("permissions.documents", equalTo("standard"))
                    .body("permissions.rfis", equalTo("none"));
        }
        admin().get(path("/projects/" + other + "/members/" + app.appUserId)).then().statusCode(404);
        admin().queryParam("kind", "app").get(path("/users")).then().statusCode(200)
                .body("items.id", hasItem(app.appUserId.toString()));
        admin().queryParam("kind", "person").get(path("/users")).then().statusCode(200)
                .body("items.id", not(hasItem(app.appUserId.toString())));
    }

    @Test
    void theAppUserIsPublishedWithTheAdminWhoInstalledAsActor() {
        Installation app = Installation.of(bootstrap, company).projects(first);
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.DIRECTORY_USER)) {
            app.install();
            List<EventEnvelope> created = probe.await(e -> e.aggregateId().equals(app.appUserId.toString())
                    && e.eventType().equals(DirectoryEvents.USER_CREATED.name()), 1, WITHIN);
            assertThat(created).hasSize(1);
            assertThat(created.get(0).actor()).isEqualTo(Installation.ADMIN);
            assertThat(created.get(0).companyId()).isEqualTo(company);
            UserCreated payload = created.get(0).payloadAs(DirectoryEvents.USER_CREATED);
            assertThat(payload.kind()).isEqualTo("app");
            assertThat(payload.installationId()).isEqualTo(app.installationId);
            assertThat(probe.await(e -> e.aggregateId().equals(app.appUserId.toString())
                    && e.eventType().equals(DirectoryEvents.PROJECT_MEMBER_ADDED.name()), 1, WITHIN)).hasSize(1);
        }
    }

    @Test
    void appUsersCannotBeEditedOrDeletedThroughTheDirectory() {
        Installation app = Installation.of(bootstrap, company).projects(first);
        app.install();
        awaitStatus("/users/" + app.appUserId, 200);
        String user = "/users/" + app.appUserId;

        refused(admin().contentType(ContentType.JSON).body("{\"name\": \"renamed\"}").patch(path(user)), app);
        refused(admin().delete(path(user)), app);
        refused(admin().post(path(user + "/reactivate")), app);
        refused(admin().contentType(ContentType.JSON).body("{\"permissions\": {\"directory\": \"admin\"}}")
                .put(path(user + "/permissions")), app);
        refused(admin().contentType(ContentType.JSON).body("{\"permissions\": {\"rfis\": \"admin\"}}")
                .put(path("/projects/" + second + "/members/" + app.appUserId)), app);
        refused(admin().delete(path("/projects/" + first + "/members/" + app.appUserId)), app);

        admin().get(path(user + "/permissions")).then().body("permissions.directory",
                equalTo("read_only"));
        admin().get(path("/projects/" + first + "/members/" + app.appUserId)).then().statusCode(200);
    }

    @Test
    void permittedProjectsAndPermissionsFollowTheInstallation() {
        Installation app = Installation.of(bootstrap, company).projects(first, second);
        app.install();
        awaitStatus("/projects/" + second + "/members/" + app.appUserId, 200);

        app.changeProjects(second, other);
        awaitStatus("/projects/" + first + "/members/" + app.appUserId, 404);
        awaitStatus("/projects/" + other + "/members/" + app.appUserId, 200);
        admin().get(path("/projects/" + second + "/members/" + app.appUserId)).then().statusCode(200);

        app.upgrade("1.1.0", Map.of("directory", AccessLevel.READ_ONLY, "projects", AccessLevel.READ_ONLY),
                Map.of("documents", AccessLevel.STANDARD, "rfis", AccessLevel.READ_ONLY));
        await().atMost(WITHIN).untilAsserted(() -> admin()
                .get(path("/projects/" + other + "/members/" + app.appUserId)).then()
                .body("permissions.rfis", equalTo("read_only")));
        admin().get(path("/users/" + app.appUserId + "/permissions")).then()
                .body("permissions.projects", equalTo("read_only"));
    }

    @Test
    void aRepeatedOrOutOfDateEventChangesNothing() {
        Installation app = Installation.of(bootstrap, company).projects(first);
        EventEnvelope installed = app.install();
        app.changeProjects(second);
        awaitStatus("/projects/" + first + "/members/" + app.appUserId, 404);

        app.send(installed);
        AppInstalled stale = installed.payloadAs(AppsEvents.APP_INSTALLED);
        app.send(AppsEvents.APP_INSTALLED, stale);
        // Events of one installation are applied in order: once this later one shows, the two above were seen.
        app.upgrade("1.0.1", Map.of("directory", AccessLevel.STANDARD), Map.of("documents", AccessLevel.STANDARD));
        await().atMost(WITHIN).untilAsserted(() -> admin().get(path("/users/" + app.appUserId + "/permissions"))
                .then().body("permissions.directory", equalTo("standard")));

        admin().get(path("/projects/" + first + "/members/" + app.appUserId)).then().statusCode(404);
        admin().get(path("/projects/" + second + "/members/" + app.appUserId)).then().statusCode(200);
    }

    @Test
    void disablingAndUninstallingDeactivateTheAppUserWithoutDeletingIt() {
        Installation app = Installation.of(bootstrap, company).projects(first);
        app.install();
        awaitStatus("/users/" + app.appUserId, 200);

        app.disable();
        awaitUserStatus(app, "inactive");
        admin().get(path("/users/" + app.appUserId + "/effective-permissions")).then().statusCode(200)
                .body("active", equalTo(false))
                .body("permissions.directory", equalTo("none"));

        app.enable();
        awaitUserStatus(app, "active");

        app.uninstall();
        awaitUserStatus(app, "inactive");
        admin().get(path("/users/" + app.appUserId)).then()
                .body("managedBy.installationStatus", equalTo("uninstalled"))
                .body("deactivatedAt", not(nullValue()));
        admin().queryParam("status", "inactive").get(path("/users")).then()
                .body("items.id", hasItem(app.appUserId.toString()));
    }

    @Test
    void anInstallationInACompanyTheDirectoryDoesNotHaveIsSkippedAndLaterEventsStillFlow() {
        Installation stray = Installation.of(bootstrap, UUID.randomUUID());
        stray.install();
        Installation app = Installation.of(bootstrap, company).projects(first);
        app.install();
        awaitStatus("/users/" + app.appUserId, 200);
    }

    private void refused(Response response, Installation app) {
        response.then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/app-managed"))
                .body("detail", containsString(app.installationId.toString()));
    }

    private void awaitUserStatus(Installation app, String status) {
        await().atMost(WITHIN).untilAsserted(() -> admin().get(path("/users/" + app.appUserId)).then()
                .body("status", equalTo(status)));
    }

    private void awaitStatus(String suffix, int status) {
        await().atMost(WITHIN).untilAsserted(() -> admin().get(path(suffix)).then().statusCode(status));
    }

    private String path(String suffix) {
        return "/companies/" + company + suffix;
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.companyAdmin(company).sign());
    }
}
