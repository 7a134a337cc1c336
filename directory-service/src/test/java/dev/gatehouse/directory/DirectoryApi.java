package dev.gatehouse.directory;

import dev.gatehouse.testsupport.TestTokens;
import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test fixtures made through the public API, the way a client would make them. */
public final class DirectoryApi {

    private DirectoryApi() {
    }

    public static UUID createCompany(String name) {
        return UUID.fromString(given().auth().oauth2(TestTokens.platformAdmin().sign()).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}")
                .post("/companies").then().statusCode(201).extract().path("id"));
    }

    public static UUID createProject(UUID companyId, String name) {
        return UUID.fromString(given().auth().oauth2(TestTokens.companyAdmin(companyId).sign())
                .contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}")
                .post("/companies/" + companyId + "/projects").then().statusCode(201).extract().path("id"));
    }

    /** A person in the company's directory, made by its admin; returns the user id. */
    public static UUID createUser(UUID companyId, String name) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "@example.com";
        return UUID.fromString(given().auth().oauth2(TestTokens.companyAdmin(companyId).sign())
                .contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"email\": \"" + email + "\"}")
                .post("/companies/" + companyId + "/users").then().statusCode(201).extract().path("id"));
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
