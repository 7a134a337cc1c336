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

    public static void draftVersion(UUID developerOrgId, UUID appId, String version, String manifest) {
        given().auth().oauth2(TestTokens.developer(developerOrgId).sign()).contentType(ContentType.JSON)
                .body("{\"version\": \"" + version + "\", \"manifest\": " + manifest + "}")
                .post("/apps/" + appId + "/versions").then().statusCode(201);
    }

    /**
     * Publishes the version and, as a platform admin, approves the app's listing if it waits for review, so that a
     * marketplace app is in companies' catalogues as most tests need (ListingReviewTest covers the review itself).
     */
    public static void publish(UUID developerOrgId, UUID appId, String version) {
        publishUnreviewed(developerOrgId, appId, version);
        String listing = given().auth().oauth2(TestTokens.developer(developerOrgId).sign()).get("/apps/" + appId)
                .then().statusCode(200).extract().path("listingStatus");
        if ("pending".equals(listing)) {
            given().auth().oauth2(TestTokens.platformAdmin().sign()).contentType(ContentType.JSON).body("{}")
                    .post("/listing-reviews/" + appId + "/approve").then().statusCode(200);
        }
    }

    /** Publishes the version only: a marketplace app's listing then waits for a platform admin. */
    public static void publishUnreviewed(UUID developerOrgId, UUID appId, String version) {
        given().auth().oauth2(TestTokens.developer(developerOrgId).sign())
                .post("/apps/" + appId + "/versions/" + version + "/publish").then().statusCode(200);
    }

    /** A marketplace app with {@code version} published with {@code manifest}. */
    public static UUID publishedApp(String manifest) {
        UUID org = createDeveloperOrg(unique("Publishers"));
        UUID app = registerApp(org, unique("App"));
        draftVersion(org, app, "1.0.0", manifest);
        publish(org, app, "1.0.0");
        return app;
    }

    public static void bind(UUID companyId, UUID appId, String state) {
        given().auth().oauth2(TestTokens.companyAdmin(companyId).sign()).contentType(ContentType.JSON)
                .body("{\"state\": \"" + state + "\"}").put("/companies/" + companyId + "/app-bindings/" + appId)
                .then().statusCode(200);
    }

    /** Installs the app's latest version with the given projects (selected); the installation's id. */
    public static UUID install(UUID companyId, UUID appId, UUID... projectIds) {
        StringBuilder ids = new StringBuilder();
        for (UUID p : projectIds) {
            ids.append(ids.length() == 0 ? "" : ", ").append('"').append(p).append('"');
        }
        return UUID.fromString(given().auth().oauth2(TestTokens.companyAdmin(companyId).sign())
                .contentType(ContentType.JSON)
                .body("{\"appId\": \"" + appId + "\", \"projectIds\": [" + ids + "]}")
                .post("/companies/" + companyId + "/installations").then().statusCode(201).extract().path("id"));
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
