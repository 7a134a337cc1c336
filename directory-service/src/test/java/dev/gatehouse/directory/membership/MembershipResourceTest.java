package dev.gatehouse.directory.membership;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Project membership with project-level permissions. */
@QuarkusTest
class MembershipResourceTest {

    private UUID company;
    private UUID project;
    private UUID user;

    @BeforeEach
    void fixtures() {
        company = createCompany(unique("Members"));
        project = createProject(company, unique("Tower"));
        user = createUser(company, unique("Member"));
    }

    @Test
    void putAddsThenReplacesAndDeleteRemoves() {
        put("{\"documents\": \"standard\"}").then().statusCode(201)
                .body("permissions.documents", equalTo("standard"))
                .body("permissions.keySet()", contains("directory", "documents", "rfis", "submittals", "budget"));
        put("{\"rfis\": \"admin\"}").then().statusCode(200)
                .body("permissions.documents", equalTo("none")).body("permissions.rfis", equalTo("admin"));

        given().auth().oauth2(TestTokens.companyMember(company).sign()).get(members()).then().statusCode(200)
                .body("items.userId", contains(user.toString()));
        admin().delete(members() + "/" + user).then().statusCode(204);
        admin().get(members() + "/" + user).then().statusCode(404).contentType("application/problem+json");
        admin().get(members()).then().body("items", hasSize(0));
    }

    @Test
    void companyOnlyToolsCannotBeGivenPerProject() {
        put("{\"projects\": \"admin\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("permissions.projects"));
    }

    @Test
    void archivedProjectsAndInactivePeopleTakeNoNewMembers() {
        admin().post("/companies/" + company + "/projects/" + project + "/archive").then().statusCode(200);
        put("{\"documents\": \"read_only\"}").then().statusCode(409);

        UUID open = createProject(company, unique("Open"));
        admin().delete("/companies/" + company + "/users/" + user).then().statusCode(204);
        admin().contentType(ContentType.JSON).body("{\"permissions\": {}}")
                .put("/companies/" + company + "/projects/" + open + "/members/" + user).then().statusCode(409);
    }

    @Test
    void unknownUsersAndProjectsAre404AndMembersCannotChangeMembership() {
        admin().contentType(ContentType.JSON).body("{\"permissions\": {}}")
                .put(members() + "/" + UUID.randomUUID()).then().statusCode(404);
        admin().contentType(ContentType.JSON).body("{\"permissions\": {}}")
                .put("/companies/" + company + "/projects/" + UUID.randomUUID() + "/members/" + user).then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.companyMember(company).sign()).contentType(ContentType.JSON)
                .body("{\"permissions\": {}}").put(members() + "/" + user).then().statusCode(403);
    }

    @Test
    void aPersonOfAnotherCompanyCannotJoin() {
        UUID stranger = createUser(createCompany(unique("Other")), unique("Stranger"));
        admin().contentType(ContentType.JSON).body("{\"permissions\": {}}").put(members() + "/" + stranger)
                .then().statusCode(404);
    }

    private Response put(String permissions) {
        return admin().contentType(ContentType.JSON).body("{\"permissions\": " + permissions + "}")
                .put(members() + "/" + user);
    }

    private String members() {
        return "/companies/" + company + "/projects/" + project + "/members";
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.companyAdmin(company).sign());
    }
}
