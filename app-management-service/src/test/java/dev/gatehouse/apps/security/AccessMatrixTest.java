package dev.gatehouse.apps.security;

import dev.gatehouse.apps.AppsApi;
import dev.gatehouse.apps.DirectoryFeed;
import dev.gatehouse.testsupport.AccessMatrix;
import dev.gatehouse.testsupport.AccessMatrix.Endpoint;
import dev.gatehouse.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.gatehouse.apps.AppsApi.MANIFEST;
import static dev.gatehouse.apps.AppsApi.bind;
import static dev.gatehouse.apps.AppsApi.createDeveloperOrg;
import static dev.gatehouse.apps.AppsApi.draftVersion;
import static dev.gatehouse.apps.AppsApi.install;
import static dev.gatehouse.apps.AppsApi.publish;
import static dev.gatehouse.apps.AppsApi.publishedApp;
import static dev.gatehouse.apps.AppsApi.registerApp;
import static dev.gatehouse.apps.AppsApi.unique;
import static dev.gatehouse.testsupport.AccessMatrix.Access.APP_CLIENT;
import static dev.gatehouse.testsupport.AccessMatrix.Access.AUTHENTICATED;
import static dev.gatehouse.testsupport.AccessMatrix.Access.COMPANY_ADMIN;
import static dev.gatehouse.testsupport.AccessMatrix.Access.COMPANY_MEMBER;
import static dev.gatehouse.testsupport.AccessMatrix.Access.DEVELOPER;
import static dev.gatehouse.testsupport.AccessMatrix.Access.DEVELOPER_ORG_OWNER;
import static dev.gatehouse.testsupport.AccessMatrix.Access.PLATFORM_ADMIN;
import static io.restassured.RestAssured.given;

/**
 * Every app-management-service endpoint, every kind of caller. Developer endpoints are checked with a developer
 * organization as the target; company endpoints with a company that app-management knows from the directory's
 * events. Paths are made fresh for each call, so one caller's success cannot change the next caller's answer.
 */
@QuarkusTest
class AccessMatrixTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    private DirectoryFeed directory;

    private static final List<Endpoint> DEVELOPER_ENDPOINTS = List.of(
            new Endpoint("POST", "/developer-orgs", PLATFORM_ADMIN, o -> "/developer-orgs", o -> name("Org")),
            new Endpoint("GET", "/developer-orgs", AUTHENTICATED, o -> "/developer-orgs", null),
            new Endpoint("GET", "/developer-orgs/{developerOrgId}", DEVELOPER, o -> "/developer-orgs/" + o, null),
            new Endpoint("POST", "/developer-orgs/{developerOrgId}/members", DEVELOPER_ORG_OWNER,
                    o -> "/developer-orgs/" + o + "/members",
                    o -> "{\"name\": \"New\", \"email\": \"" + UUID.randomUUID() + "@example.com\"}"),
            new Endpoint("GET", "/developer-orgs/{developerOrgId}/members", DEVELOPER,
                    o -> "/developer-orgs/" + o + "/members", null),
            new Endpoint("GET", "/developer-orgs/{developerOrgId}/members/{memberId}", DEVELOPER,
                    AccessMatrixTest::freshMember, null),
            new Endpoint("PATCH", "/developer-orgs/{developerOrgId}/members/{memberId}", DEVELOPER_ORG_OWNER,
                    AccessMatrixTest::freshMember, o -> "{\"role\": \"owner\"}"),
            new Endpoint("DELETE", "/developer-orgs/{developerOrgId}/members/{memberId}", DEVELOPER_ORG_OWNER,
                    AccessMatrixTest::freshMember, null),
            new Endpoint("POST", "/developer-orgs/{developerOrgId}/members/{memberId}/invitation",
                    DEVELOPER_ORG_OWNER, o -> freshMember(o) + "/invitation", null),
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
                    o -> freshDraft(o) + "/publish", null),
            new Endpoint("GET", "/app/installations", APP_CLIENT, o -> "/app/installations", null),
            new Endpoint("GET", "/listing-reviews", PLATFORM_ADMIN, o -> "/listing-reviews", null),
            new Endpoint("POST", "/listing-reviews/{appId}/approve", PLATFORM_ADMIN,
                    o -> "/listing-reviews/" + pendingListing(o) + "/approve", o -> "{\"note\": \"fine\"}"),
            new Endpoint("POST", "/listing-reviews/{appId}/reject", PLATFORM_ADMIN,
                    o -> "/listing-reviews/" + pendingListing(o) + "/reject", o -> "{\"note\": \"no policy\"}"));

    private List<Endpoint> companyEndpoints() {
        String installations = "/companies/{companyId}/installations";
        String legacy = "/companies/{companyId}/legacy-service-accounts";
        return List.of(
                new Endpoint("GET", "/companies/{companyId}/apps", COMPANY_MEMBER, c -> "/companies/" + c + "/apps",
                        null),
                new Endpoint("GET", "/companies/{companyId}/app-bindings/{appId}", COMPANY_MEMBER,
                        c -> "/companies/" + c + "/app-bindings/" + publishedApp(MANIFEST), null),
                new Endpoint("PUT", "/companies/{companyId}/app-bindings/{appId}", COMPANY_ADMIN,
                        c -> "/companies/" + c + "/app-bindings/" + publishedApp(MANIFEST), c -> "{\"state\": \"on\"}"),
                new Endpoint("GET", "/companies/{companyId}/app-settings", COMPANY_MEMBER,
                        c -> "/companies/" + c + "/app-settings", null),
                new Endpoint("PUT", "/companies/{companyId}/app-settings", COMPANY_ADMIN,
                        c -> "/companies/" + c + "/app-settings", c -> "{\"forbidHighRiskApps\": false}"),
                new Endpoint("POST", installations, COMPANY_ADMIN, c -> "/companies/" + c + "/installations",
                        c -> "{\"appId\": \"" + enabledApp(c) + "\", \"projectIds\": [\"" + directory.project(c)
                                + "\"]}"),
                new Endpoint("GET", installations, COMPANY_MEMBER, c -> "/companies/" + c + "/installations", null),
                new Endpoint("GET", installations + "/{installationId}", COMPANY_MEMBER, this::freshInstallation,
                        null),
                new Endpoint("DELETE", installations + "/{installationId}", COMPANY_ADMIN, this::freshInstallation,
                        null),
                new Endpoint("POST", installations + "/{installationId}/disable", COMPANY_ADMIN,
                        c -> freshInstallation(c) + "/disable", c -> "{\"reason\": \"matrix\"}"),
                new Endpoint("POST", installations + "/{installationId}/enable", COMPANY_ADMIN,
                        c -> freshInstallation(c) + "/enable", null),
                new Endpoint("GET", installations + "/{installationId}/permitted-projects", COMPANY_MEMBER,
                        c -> freshInstallation(c) + "/permitted-projects", null),
                new Endpoint("PUT", installations + "/{installationId}/permitted-projects", COMPANY_ADMIN,
                        c -> freshInstallation(c) + "/permitted-projects", c -> "{\"projectAccess\": \"all_current\"}"),
                new Endpoint("POST", installations + "/{installationId}/permitted-projects", COMPANY_ADMIN,
                        c -> freshInstallation(c) + "/permitted-projects",
                        c -> "{\"projectIds\": [\"" + directory.project(c) + "\"]}"),
                new Endpoint("DELETE", installations + "/{installationId}/permitted-projects/{projectId}",
                        COMPANY_ADMIN, c -> {
                            UUID project = directory.project(c);
                            return "/companies/" + c + "/installations/" + install(c, enabledApp(c), project)
                                    + "/permitted-projects/" + project;
                        }, null),
                new Endpoint("GET", installations + "/{installationId}/upgrade-requests", COMPANY_MEMBER,
                        c -> freshInstallation(c) + "/upgrade-requests", null),
                new Endpoint("GET", installations + "/{installationId}/upgrade-requests/{requestId}", COMPANY_MEMBER,
                        this::freshUpgradeRequest, null),
                new Endpoint("POST", installations + "/{installationId}/upgrade-requests/{requestId}/approve",
                        COMPANY_ADMIN, c -> freshUpgradeRequest(c) + "/approve", null),
                new Endpoint("POST", installations + "/{installationId}/upgrade-requests/{requestId}/reject",
                        COMPANY_ADMIN, c -> freshUpgradeRequest(c) + "/reject", null),
                new Endpoint("POST", "/companies/{companyId}/install-requests", COMPANY_MEMBER,
                        c -> "/companies/" + c + "/install-requests",
                        c -> "{\"appId\": \"" + enabledApp(c) + "\", \"note\": \"please\"}"),
                new Endpoint("GET", "/companies/{companyId}/install-requests", COMPANY_MEMBER,
                        c -> "/companies/" + c + "/install-requests", null),
                new Endpoint("GET", "/companies/{companyId}/install-requests/{requestId}", COMPANY_MEMBER,
                        this::freshInstallRequest, null),
                new Endpoint("POST", "/companies/{companyId}/install-requests/{requestId}/approve", COMPANY_ADMIN,
                        c -> freshInstallRequest(c) + "/approve", null),
                new Endpoint("POST", "/companies/{companyId}/install-requests/{requestId}/deny", COMPANY_ADMIN,
                        c -> freshInstallRequest(c) + "/deny", c -> "{\"note\": \"not now\"}"),
                new Endpoint("POST", legacy, COMPANY_ADMIN, c -> "/companies/" + c + "/legacy-service-accounts",
                        c -> "{\"name\": \"" + unique("Legacy") + "\"}"),
                new Endpoint("GET", legacy, COMPANY_ADMIN, c -> "/companies/" + c + "/legacy-service-accounts", null),
                new Endpoint("GET", legacy + "/{accountId}", COMPANY_ADMIN, this::freshLegacyAccount, null),
                new Endpoint("PATCH", legacy + "/{accountId}", COMPANY_ADMIN, this::freshLegacyAccount,
                        c -> "{\"projectIds\": []}"),
                new Endpoint("DELETE", legacy + "/{accountId}", COMPANY_ADMIN, this::freshLegacyAccount, null),
                new Endpoint("POST", legacy + "/{accountId}/migrate", COMPANY_ADMIN,
                        c -> freshLegacyAccount(c) + "/migrate",
                        c -> "{\"appId\": \"" + enabledApp(c) + "\", \"acceptAddedPermissions\": true}"));
    }

    @Test
    void everyEndpointLetsInExactlyTheRightCallers() {
        directory = new DirectoryFeed(bootstrap, dataSource);
        List<Endpoint> all = new ArrayList<>(DEVELOPER_ENDPOINTS);
        all.addAll(companyEndpoints());
        all.addAll(AccessMatrix.PARKED_EVENTS);
        AccessMatrix.verifyCoverage(all, Set.of("GET /manifest-schema"));
        AccessMatrix.verifyAccess(AccessMatrix.PARKED_EVENTS, UUID.randomUUID(), UUID.randomUUID());
        AccessMatrix.verifyAccess(DEVELOPER_ENDPOINTS, createDeveloperOrg(unique("Target")), UUID.randomUUID());
        AccessMatrix.verifyAccess(companyEndpoints(), directory.company(), directory.company());
    }

    private static UUID enabledApp(UUID company) {
        UUID app = publishedApp(MANIFEST);
        bind(company, app, "on");
        return app;
    }

    private String freshInstallation(UUID company) {
        return "/companies/" + company + "/installations/" + install(company, enabledApp(company),
                directory.project(company));
    }

    /** An installation with a pending upgrade to 1.1.0, which adds a scope. */
    private String freshUpgradeRequest(UUID company) {
        UUID org = createDeveloperOrg(unique("Upgraders"));
        UUID app = registerApp(org, unique("Upgraded"));
        draftVersion(org, app, "1.0.0", MANIFEST);
        publish(org, app, "1.0.0");
        bind(company, app, "on");
        UUID installation = install(company, app);
        draftVersion(org, app, "1.1.0", MANIFEST.replace("\"documents.write\"", "\"documents.write\", \"rfis.read\""));
        publish(org, app, "1.1.0");
        String requests = "/companies/" + company + "/installations/" + installation + "/upgrade-requests";
        String id = given().auth().oauth2(TestTokens.companyAdmin(company).sign()).get(requests).then()
                .statusCode(200).extract().path("[0].id");
        return requests + "/" + id;
    }

    private String freshLegacyAccount(UUID company) {
        String id = given().auth().oauth2(TestTokens.companyAdmin(company).sign()).contentType(ContentType.JSON)
                .body("{\"name\": \"" + unique("Legacy") + "\"}")
                .post("/companies/" + company + "/legacy-service-accounts").then().statusCode(201).extract().path("id");
        return "/companies/" + company + "/legacy-service-accounts/" + id;
    }

    private String freshInstallRequest(UUID company) {
        String id = given().auth().oauth2(TestTokens.companyMember(company).sign()).contentType(ContentType.JSON)
                .body("{\"appId\": \"" + enabledApp(company) + "\"}")
                .post("/companies/" + company + "/install-requests").then().statusCode(201).extract().path("id");
        return "/companies/" + company + "/install-requests/" + id;
    }

    private static String freshApp(UUID org) {
        return "/apps/" + registerApp(org, unique("Matrix"));
    }

    /** A marketplace app of the organization, published and waiting for a platform admin's review: its id. */
    private static UUID pendingListing(UUID org) {
        UUID app = registerApp(org, unique("Listed"));
        draftVersion(org, app, "1.0.0");
        AppsApi.publishUnreviewed(org, app, "1.0.0");
        return app;
    }

    private static String freshDraft(UUID org) {
        UUID app = registerApp(org, unique("Versioned"));
        draftVersion(org, app, "1.0.0");
        return "/apps/" + app + "/versions/1.0.0";
    }

    private static String name(String prefix) {
        return "{\"name\": \"" + unique(prefix) + "\"}";
    }

    /** A member invited into the organization by a platform admin: the path to it. */
    private static String freshMember(UUID org) {
        String id = given().auth().oauth2(TestTokens.platformAdmin().sign()).contentType("application/json")
                .body("{\"name\": \"Matrix\", \"email\": \"" + UUID.randomUUID() + "@example.com\"}")
                .post("/developer-orgs/" + org + "/members").then().statusCode(201).extract().path("id");
        return "/developer-orgs/" + org + "/members/" + id;
    }
}
