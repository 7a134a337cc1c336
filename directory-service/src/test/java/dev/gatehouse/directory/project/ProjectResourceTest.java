package dev.gatehouse.directory.project;

import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.createProject;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ProjectResourceTest {

    private UUID company;
    private String admin;

    @BeforeEach
    void company() {
        company = createCompany(unique("Projects Co"));
        admin = TestTokens.companyAdmin(company).sign();
    }

    @Test
    void createGetAndListAProject() {
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"Bridge\"}")
                .post("/companies/" + company + "/projects")
                .then().statusCode(201).header("Location", notNullValue())
                .body("name", equalTo("Bridge")).body("status", equalTo("active"))
                .body("companyId", equalTo(company.toString()))
                .extract().path("id");

        String member = TestTokens.companyMember(company).sign();
        given().auth().oauth2(member).get("/companies/" + company + "/projects/" + id)
                .then().statusCode(200).body("name", equalTo("Bridge"));
        given().auth().oauth2(member).get("/companies/" + company + "/projects")
                .then().statusCode(200).body("items.name", hasItem("Bridge"));
    }

    @Test
    void projectNamesAreUniqueWithinACompanyIgnoringCase() {
        createProject(company, "Tunnel");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"tunnel\"}")
                .post("/companies/" + company + "/projects")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("A project named 'tunnel' already exists in this company"));

        // the same name in another company is fine
        UUID other = createCompany(unique("Other Co"));
        createProject(other, "Tunnel");
    }

    @Test
    void projectNameIsValidated() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/companies/" + company + "/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"" + "p".repeat(201) + "\"}")
                .post("/companies/" + company + "/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void renameChangesTheNameAndRefusesATakenOne() {
        UUID id = createProject(company, "Old name");
        createProject(company, "Taken");
        String path = "/companies/" + company + "/projects/" + id;

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"New name\"}")
                .patch(path).then().statusCode(200).body("name", equalTo("New name"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"TAKEN\"}")
                .patch(path).then().statusCode(409);
        given().auth().oauth2(admin).get(path).then().body("name", equalTo("New name"));
    }

    @Test
    void archivedProjectsStayReadableButCannotBeRenamed() {
        UUID id = createProject(company, "Finished");
        String path = "/companies/" + company + "/projects/" + id;

        given().auth().oauth2(admin).post(path + "/archive")
                .then().statusCode(200).body("status", equalTo("archived")).body("archivedAt", notNullValue());
        given().auth().oauth2(admin).post(path + "/archive").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"Revived\"}")
                .patch(path).then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(admin).queryParam("status", "active").get("/companies/" + company + "/projects")
                .then().statusCode(200).body("items.id", not(hasItem(id.toString())));
        given().auth().oauth2(admin).queryParam("status", "archived").get("/companies/" + company + "/projects")
                .then().statusCode(200).body("items.id", hasItem(id.toString()));
        given().auth().oauth2(admin).queryParam("status", "deleted").get("/companies/" + company + "/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void unknownProjectOrCompanyIs404() {
        given().auth().oauth2(admin).get("/companies/" + company + "/projects/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        UUID ghost = UUID.randomUUID();
        given().auth().oauth2(TestTokens.platformAdmin().sign()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\"}").post("/companies/" + ghost + "/projects")
                .then().statusCode(404).body("detail", equalTo("Company " + ghost + " does not exist"));
    }

    @Test
    void aProjectOfAnotherCompanyIsNotFoundThroughThisCompany() {
        UUID other = createCompany(unique("Neighbour"));
        UUID theirs = createProject(other, "Theirs");
        given().auth().oauth2(admin).get("/companies/" + company + "/projects/" + theirs)
                .then().statusCode(404);
    }
}
