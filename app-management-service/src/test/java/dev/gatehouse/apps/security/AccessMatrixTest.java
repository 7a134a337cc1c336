package dev.gatehouse.apps.security;

import dev.gatehouse.testsupport.AccessMatrix;
import dev.gatehouse.testsupport.AccessMatrix.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.gatehouse.apps.AppsApi.MANIFEST;
import static dev.gatehouse.apps.AppsApi.createDeveloperOrg;
import static dev.gatehouse.apps.AppsApi.draftVersion;
import static dev.gatehouse.apps.AppsApi.registerApp;
import static dev.gatehouse.apps.AppsApi.unique;
import static dev.gatehouse.testsupport.AccessMatrix.Access.AUTHENTICATED;
import static dev.gatehouse.testsupport.AccessMatrix.Access.DEVELOPER;
import static dev.gatehouse.testsupport.AccessMatrix.Access.PLATFORM_ADMIN;

/**
 * Every app-management-service endpoint, every kind of caller. The target id is a developer organization here,
 * so "developer of this organization" is a developer of the apps the paths name.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/developer-orgs", PLATFORM_ADMIN, o -> "/developer-orgs", o -> name("Org")),
            new Endpoint("GET", "/developer-orgs", AUTHENTICATED, o -> "/developer-orgs", null),
            new Endpoint("GET", "/developer-orgs/{developerOrgId}", DEVELOPER, o -> "/developer-orgs/" + o, null),
            new Endpoint("POST", "/apps", DEVELOPER, o -> "/apps",
                    o -> "{\"developerOrgId\": \"" + o + "\", \"name\": \"" + unique("Matrix app") + "\"}"),
            new Endpoint("GET", "/apps", AUTHENTICATED, o -> "/apps", null),
            new Endpoint("GET", "/apps/{appId}", DEVELOPER, AccessMatrixTest::freshApp, null),
            new Endpoint("PATCH", "/apps/{appId}", DEVELOPER, AccessMatrixTest::freshApp,
                    o -> "{\"description\": \"changed\"}"),
            new Endpoint("POST", "/apps/{appId}/versions", DEVELOPER, o -> freshApp(o) + "/versions",
                    o -> "{\"version\": \"1.0.0\", \"manifest\": " + MANIFEST + "}"),
            new Endpoint("GET", "/apps/{appId}/versions", DEVELOPER, o -> freshApp(o) + "/versions", null),
            new Endpoint("GET", "/apps/{appId}/versions/{version}", DEVELOPER, AccessMatrixTest::freshDraft, null),
            new Endpoint("PUT", "/apps/{appId}/versions/{version}", DEVELOPER, AccessMatrixTest::freshDraft,
                    o -> "{\"manifest\": " + MANIFEST + "}"),
            new Endpoint("POST", "/apps/{appId}/versions/{version}/publish", DEVELOPER,
                    o -> freshDraft(o) + "/publish", null));

    @Test
    void everyEndpointLetsInExactlyTheRightCallers() {
        AccessMatrix.verify(ENDPOINTS, Set.of("GET /manifest-schema"), createDeveloperOrg(unique("Target")),
                UUID.randomUUID());
    }

    private static String freshApp(UUID org) {
        return "/apps/" + registerApp(org, unique("Matrix"));
    }

    private static String freshDraft(UUID org) {
        UUID app = registerApp(org, unique("Versioned"));
        draftVersion(org, app, "1.0.0");
        return "/apps/" + app + "/versions/1.0.0";
    }

    private static String name(String prefix) {
        return "{\"name\": \"" + unique(prefix) + "\"}";
    }
}
