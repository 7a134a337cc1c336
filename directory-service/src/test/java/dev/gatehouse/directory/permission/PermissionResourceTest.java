package dev.gatehouse.directory.permission;

import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.createProject;
import static dev.gatehouse.directory.DirectoryApi.createUser;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Company-level permissions and the effective permissions resource servers ask for. */
@QuarkusTest
class PermissionResourceTest {

    private UUID company;
    private UUID user;

    @BeforeEach
    void person() {
        company = createCompany(unique("Permissions"));
        user = createUser(company, unique("Person"));
    }

    @Test
    void aNewPersonHasNoneOnEveryToolInCatalogueOrder() {
        admin().get(path("/permissions")).then().statusCode(200)
                .body("userId", equalTo(user.toString()))
                .body("permissions.keySet()", contains("directory", "projects", "documents", "rfis", "submittals",
                        "budget"))
                .body("permissions.directory", equalTo("none"));
    }

    @Test
    void putReplacesTheWholeSet() {
        setPermissions("{\"directory\": \"read_only\", \"budget\": \"admin\"}").then().statusCode(200)
                .body("permissions.directory", equalTo("read_only"))
                .body("permissions.budget", equalTo("admin"));
        setPermissions("{\"documents\": \"standard\"}").then().statusCode(200);
        admin().get(path("/permissions")).then()
                .body("permissions.documents", equalTo("standard"))
                .body("permissions.budget", equalTo("none"))
                .body("permissions.directory", equalTo("none"));
    }

    @Test
    void unknownToolsAndLevelsAreEachNamed() {
        setPermissions("{\"directory\": \"superuser\", \"payroll\": \"admin\", \"rfis\": \"standard\"}").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("permissions.directory", "permissions.payroll"));
        admin().contentType(ContentType.JSON).body("{}").put(path("/permissions")).then().statusCode(400)
                .body("errors[0].field", equalTo("permissions"));
        admin().contentType(ContentType.JSON).body("{\"permissions\": {\"rfis\": 3}}").put(path("/permissions"))
                .then().statusCode(400);
        admin().get(path("/permissions")).then().body("permissions.rfis", equalTo("none"));
    }

    @Test
    void onlyAdminsSetPermissions() {
        given().auth().oauth2(TestTokens.companyMember(company).sign()).contentType(ContentType.JSON)
                .body("{\"permissions\": {\"directory\": \"admin\"}}").put(path("/permissions")).then()
                .statusCode(403);
    }

    @Test
    void effectivePermissionsAtCompanyLevelAreTheCompanyPermissions() {
        setPermissions("{\"directory\": \"standard\", \"documents\": \"read_only\"}");
        admin().get(path("/effective-permissions")).then().statusCode(200)
                .body("projectId", nullValue())
                .body("member", nullValue())
                .body("active", equalTo(true))
                .body("permissions.directory", equalTo("standard"))
                .body("permissions.documents", equalTo("read_only"));
    }

    @Test
    void onAProjectTheMembershipDecidesProjectToolsAndTheCompanyDecidesTheRest() {
        UUID project = createProject(company, unique("Site"));
        UUID elsewhere = createProject(company, unique("Elsewhere"));
        setPermissions("{\"projects\": \"read_only\", \"documents\": \"admin\"}");
        admin().contentType(ContentType.JSON).body("{\"permissions\": {\"rfis\": \"standard\"}}")
                .put("/companies/" + company + "/projects/" + project + "/members/" + user).then().statusCode(201);

        admin().queryParam("projectId", project.toString()).get(path("/effective-permissions")).then()
                .statusCode(200)
                .body("member", equalTo(true))
                .body("permissions.rfis", equalTo("standard"))
                .body("permissions.documents", equalTo("none"))
                .body("permissions.projects", equalTo("read_only"));
        admin().queryParam("projectId", elsewhere.toString()).get(path("/effective-permissions")).then()
                .body("member", equalTo(false))
                .body("permissions.rfis", equalTo("none"));
    }

    @Test
    void anInactivePersonHasNoPermissions() {
        setPermissions("{\"directory\": \"admin\"}");
        admin().delete("/companies/" + company + "/users/" + user).then().statusCode(204);
        admin().get(path("/effective-permissions")).then().statusCode(200)
                .body("active", equalTo(false)).body("permissions.directory", equalTo("none"));
    }

    @Test
    void badOrUnknownProjectsAreReported() {
        admin().queryParam("projectId", "nope").get(path("/effective-permissions")).then().statusCode(400)
                .body("errors[0].field", equalTo("projectId"));
        admin().queryParam("projectId", UUID.randomUUID().toString()).get(path("/effective-permissions")).then()
                .statusCode(404).contentType("application/problem+json");
    }

    private Response setPermissions(String permissions) {
        return admin().contentType(ContentType.JSON).body("{\"permissions\": " + permissions + "}")
                .put(path("/permissions"));
    }

    private String path(String suffix) {
        return "/companies/" + company + "/users/" + user + suffix;
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.companyAdmin(company).sign());
    }
}
