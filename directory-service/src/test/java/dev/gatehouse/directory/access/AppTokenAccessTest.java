package dev.gatehouse.directory.access;

import dev.gatehouse.directory.appuser.Installation;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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
 * Installation tokens on the directory's own API: an app may do what its app user's tool levels allow, on its
 * permitted projects only, as the directory knows them now (not as they were when the token was issued).
 */
@QuarkusTest
class AppTokenAccessTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private UUID company;
    private UUID permitted;
    private UUID alsoPermitted;
    private UUID notPermitted;

    @BeforeEach
    void company() {
        company = createCompany(unique("App access"));
        permitted = createProject(company, unique("Permitted"));
        alsoPermitted = createProject(company, unique("Also permitted"));
        notPermitted = createProject(company, unique("Not permitted"));
    }

    @Test
    void directoryReadOnlyListsUsersButCannotChangeThem() {
        Installation app = installed(Map.of("directory", AccessLevel.READ_ONLY));
        UUID person = createUser(company, unique("Person"));

        as(app).get(path("/users")).then().statusCode(200);
        as(app).get(path("/users/" + person + "/permissions")).then().statusCode(200);
        as(app).contentType(ContentType.JSON).body("{\"name\": \"Bot-made\", \"email\": \"bot@example.com\"}")
                .post(path("/users")).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("directory read_only"));
        as(app).contentType(ContentType.JSON).body("{\"name\": \"Renamed\"}").patch(path("/users/" + person))
                .then().statusCode(403);
        as(app).contentType(ContentType.JSON).body("{\"permissions\": {\"budget\": \"admin\"}}")
                .put(path("/users/" + person + "/permissions")).then().statusCode(403);
    }

    /**
     * Scopes narrow what the app user's permissions allow (Canvas's enforced scopes): with directory admin but only
     * the directory.read scope the app reads people and changes nothing; the answer names the scope it lacks
     * (RFC 6750 §3.1). What needs no scope (the company's projects) stays open to it.
     */
    @Test
    void theTokensScopeNarrowsWhatTheAppUsersPermissionsAllow() {
        Installation app = installed(Map.of("directory", AccessLevel.ADMIN));
        UUID person = createUser(company, unique("Person"));
        String readOnly = TestTokens.app(company, app.appUserId).scope("directory.read").sign();

        given().auth().oauth2(readOnly).get(path("/users")).then().statusCode(200);
        given().auth().oauth2(readOnly).contentType(ContentType.JSON).body("{\"name\": \"Renamed\"}")
                .patch(path("/users/" + person)).then().statusCode(403).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer error=\"insufficient_scope\", scope=\"directory.write\""))
                .body("type", equalTo("https://gatehouse.dev/problems/insufficient-scope"));
        given().auth().oauth2(readOnly).get(path("/projects")).then().statusCode(200);
        String documentsOnly = TestTokens.app(company, app.appUserId).scope("documents.write").sign();
        given().auth().oauth2(documentsOnly).get(path("/users")).then().statusCode(403)
                .body("detail", containsString("directory.read"));
        given().auth().oauth2(TestTokens.app(company, app.appUserId).scope("directory.admin").sign())
                .contentType(ContentType.JSON).body("{\"name\": \"Renamed\"}").patch(path("/users/" + person))
                .then().statusCode(200);
    }

    @Test
    void anAppSeesOnlyItsPermittedProjectsAndLosesOneAsSoonAsItIsRemoved() {
        Installation app = installed(Map.of("directory", AccessLevel.READ_ONLY));
        String token = token(app);

        given().auth().oauth2(token).get(path("/projects")).then().statusCode(200)
                .body("items.id", containsInAnyOrder(permitted.toString(), alsoPermitted.toString()));
        given().auth().oauth2(token).get(path("/projects/" + permitted)).then().statusCode(200);
        given().auth().oauth2(token).get(path("/projects/" + notPermitted)).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("permitted projects"));

        app.changeProjects(alsoPermitted);
        // The same token, issued before the change: the directory answers from what it knows now.
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(token).get(path("/projects/" + permitted))
                .then().statusCode(403));
        given().auth().oauth2(token).get(path("/projects")).then()
                .body("items.id", containsInAnyOrder(alsoPermitted.toString()));
        given().auth().oauth2(token).get(path("/projects/" + permitted + "/members")).then().statusCode(403);
        given().auth().oauth2(token).get(path("/projects/" + alsoPermitted + "/members")).then().statusCode(200);
    }

    @Test
    void aDisabledOrUninstalledInstallationsTokensAreRefused() {
        Installation app = installed(Map.of("directory", AccessLevel.READ_ONLY));
        String token = token(app);
        given().auth().oauth2(token).get("/companies/" + company).then().statusCode(200);

        app.disable();
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(token).get(path("/users")).then()
                .statusCode(403).body("detail", containsString("disabled")));
        given().auth().oauth2(token).get("/companies/" + company).then().statusCode(403);

        app.enable();
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(token).get(path("/users")).then()
                .statusCode(200));

        app.uninstall();
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(token).get(path("/projects")).then()
                .statusCode(403).body("detail", containsString("uninstalled")));
    }

    @Test
    void withoutDirectoryPermissionAnAppStillReadsItsOwnPermissions() {
        Installation app = installed(Map.of());
        as(app).get(path("/users")).then().statusCode(403).body("detail", containsString("directory none"));
        as(app).get(path("/users/" + app.appUserId + "/effective-permissions")).then().statusCode(200)
                .body("permissions.directory", equalTo("none"));
        as(app).queryParam("projectId", permitted.toString())
                .get(path("/users/" + app.appUserId + "/effective-permissions")).then().statusCode(200)
                .body("member", equalTo(true)).body("permissions.documents", equalTo("standard"));
        // A project outside its permitted projects is not the app's to ask about.
        as(app).queryParam("projectId", notPermitted.toString())
                .get(path("/users/" + app.appUserId + "/effective-permissions")).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("permitted projects"));
    }

    @Test
    void directoryAdminMayManagePeopleAndTheirPermissions() {
        Installation app = installed(Map.of("directory", AccessLevel.ADMIN, "projects", AccessLevel.STANDARD));
        String person = as(app).contentType(ContentType.JSON)
                .body("{\"name\": \"Hired By Bot\", \"email\": \"" + UUID.randomUUID() + "@example.com\"}")
                .post(path("/users")).then().statusCode(201).extract().path("id");
        as(app).contentType(ContentType.JSON).body("{\"permissions\": {\"rfis\": \"read_only\"}}")
                .put(path("/users/" + person + "/permissions")).then().statusCode(200);
        as(app).contentType(ContentType.JSON).body("{\"permissions\": {\"rfis\": \"read_only\"}}")
                .put(path("/projects/" + permitted + "/members/" + person)).then().statusCode(201);
        as(app).contentType(ContentType.JSON).body("{\"permissions\": {\"rfis\": \"read_only\"}}")
                .put(path("/projects/" + notPermitted + "/members/" + person)).then().statusCode(403);
        as(app).contentType(ContentType.JSON).body("{\"name\": \"" + unique("Bot project") + "\"}")
                .post(path("/projects")).then().statusCode(201);
        as(app).post(path("/projects/" + permitted + "/archive")).then().statusCode(403)
                .body("detail", containsString("projects standard"));
    }

    @Test
    void anAppTokenIsOnlyGoodInItsOwnCompanyAndForItsOwnAppUser() {
        Installation app = installed(Map.of("directory", AccessLevel.READ_ONLY));
        UUID otherCompany = createCompany(unique("Other"));
        as(app).get("/companies/" + otherCompany + "/users").then().statusCode(403);
        given().auth().oauth2(TestTokens.app(company, UUID.randomUUID()).sign()).get(path("/users")).then()
                .statusCode(403);
        UUID person = createUser(company, unique("Not an app"));
        given().auth().oauth2(TestTokens.app(company, person).sign()).get(path("/users")).then().statusCode(403);
    }

    private Installation installed(Map<String, AccessLevel> companyPermissions) {
        Installation app = Installation.of(bootstrap, company).companyPermissions(companyPermissions)
                .projects(permitted, alsoPermitted);
        app.install();
        await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(TestTokens.companyAdmin(company).sign())
                .get(path("/projects/" + alsoPermitted + "/members/" + app.appUserId)).then().statusCode(200));
        return app;
    }

    private String token(Installation app) {
        return TestTokens.app(company, app.appUserId).sign();
    }

    private RequestSpecification as(Installation app) {
        return given().auth().oauth2(token(app));
    }

    private String path(String suffix) {
        return "/companies/" + company + suffix;
    }
}
