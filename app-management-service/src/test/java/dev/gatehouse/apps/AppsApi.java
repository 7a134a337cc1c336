package dev.gatehouse.apps;

import dev.gatehouse.testsupport.TestTokens;
import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test fixtures made through the public API, the way a platform admin and a developer would make them. */
public final class AppsApi {

    /** A manifest that passes the schema. */
    public static final String MANIFEST = """
            {"companyPermissions": {"directory": "read_only"},
             "projectPermissions": {"documents": "standard"},
             "scopes": ["directory.read", "documents.write"],
             "redirectUris": ["https://sync.example.com/callback"],
             "postInstallNotes": "Choose the projects to sync."}""";

    private AppsApi() {
    }

    public static UUID createDeveloperOrg(String name) {
        return UUID.fromString(given().auth().oauth2(TestTokens.platformAdmin().sign()).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}").post("/developer-orgs").then().statusCode(201)
                .extract().path("id"));
    }

    public static UUID registerApp(UUID developerOrgId, String name) {
        return UUID.fromString(given().auth().oauth2(TestTokens.developer(developerOrgId).sign())
                .contentType(ContentType.JSON)
                .body("{\"developerOrgId\": \"" + developerOrgId + "\", \"name\": \"" + name + "\"}")
                .post("/apps").then().statusCode(201).extract().path("id"));
    }

    public static void draftVersion(UUID developerOrgId, UUID appId, String version) {
        given().auth().oauth2(TestTokens.developer(developerOrgId).sign()).contentType(ContentType.JSON)
                .body("{\"version\": \"" + version + "\", \"manifest\": " + MANIFEST + "}")
                .post("/apps/" + appId + "/versions").then().statusCode(201);
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
