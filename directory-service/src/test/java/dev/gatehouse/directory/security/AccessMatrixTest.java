package dev.gatehouse.directory.security;

import dev.gatehouse.testsupport.AccessMatrix;
import dev.gatehouse.testsupport.AccessMatrix.Endpoint;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.createProject;
import static dev.gatehouse.directory.DirectoryApi.createUser;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static dev.gatehouse.testsupport.AccessMatrix.Access.AUTHENTICATED;
import static dev.gatehouse.testsupport.AccessMatrix.Access.COMPANY_ADMIN;
import static dev.gatehouse.testsupport.AccessMatrix.Access.COMPANY_MEMBER;
import static dev.gatehouse.testsupport.AccessMatrix.Access.PLATFORM_ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

/** Every directory-service endpoint, every kind of caller: who gets in, who gets 401 or 403. */
@QuarkusTest
class AccessMatrixTest {

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/companies", PLATFORM_ADMIN, c -> "/companies", c -> name("Company")),
            new Endpoint("GET", "/companies", AUTHENTICATED, c -> "/companies", null),
            new Endpoint("GET", "/tools", AUTHENTICATED, c -> "/tools", null),
            new Endpoint("GET", "/scopes", AUTHENTICATED, c -> "/scopes", null),
            new Endpoint("GET", "/companies/{companyId}", COMPANY_MEMBER, c -> "/companies/" + c, null),
            new Endpoint("GET", "/companies/{companyId}/admin-policy", COMPANY_MEMBER,
                    c -> "/companies/" + c + "/admin-policy", null),
            new Endpoint("PUT", "/companies/{companyId}/admin-policy", COMPANY_ADMIN,
                    c -> "/companies/" + c + "/admin-policy", c -> "{\"requireSecondFactor\": false}"),
            new Endpoint("POST", "/companies/{companyId}/projects", COMPANY_ADMIN,
                    c -> "/companies/" + c + "/projects", c -> name("Project")),
            new Endpoint("GET", "/companies/{companyId}/projects", COMPANY_MEMBER,
                    c -> "/companies/" + c + "/projects", null),
            new Endpoint("GET", "/companies/{companyId}/projects/{projectId}", COMPANY_MEMBER,
                    AccessMatrixTest::freshProject, null),
            new Endpoint("PATCH", "/companies/{companyId}/projects/{projectId}", COMPANY_ADMIN,
                    AccessMatrixTest::freshProject, c -> name("Renamed")),
            new Endpoint("POST", "/companies/{companyId}/projects/{projectId}/archive", COMPANY_ADMIN,
                    c -> freshProject(c) + "/archive", null),
            new Endpoint("POST", "/companies/{companyId}/users", COMPANY_ADMIN, c -> "/companies/" + c + "/users",
                    c -> "{\"name\": \"New\", \"email\": \"" + UUID.randomUUID() + "@example.com\"}"),
            new Endpoint("GET", "/companies/{companyId}/users", COMPANY_MEMBER, c -> "/companies/" + c + "/users",
                    null),
            new Endpoint("GET", "/companies/{companyId}/users/{userId}", COMPANY_MEMBER, AccessMatrixTest::freshUser,
                    null),
            new Endpoint("PATCH", "/companies/{companyId}/users/{userId}", COMPANY_ADMIN,
                    AccessMatrixTest::freshUser, c -> name("Renamed")),
            new Endpoint("DELETE", "/companies/{companyId}/users/{userId}", COMPANY_ADMIN,
                    AccessMatrixTest::freshUser, null),
            new Endpoint("POST", "/companies/{companyId}/users/{userId}/reactivate", COMPANY_ADMIN,
                    c -> freshUser(c) + "/reactivate", null),
            new Endpoint("POST", "/companies/{companyId}/users/{userId}/invitation", COMPANY_ADMIN,
                    c -> freshUser(c) + "/invitation", null),
            new Endpoint("GET", "/companies/{companyId}/users/{userId}/permissions", COMPANY_MEMBER,
                    c -> freshUser(c) + "/permissions", null),
            new Endpoint("PUT", "/companies/{companyId}/users/{userId}/permissions", COMPANY_ADMIN,
                    c -> freshUser(c) + "/permissions", c -> "{\"permissions\": {\"rfis\": \"read_only\"}}"),
            new Endpoint("GET", "/companies/{companyId}/users/{userId}/effective-permissions", COMPANY_MEMBER,
                    c -> freshUser(c) + "/effective-permissions", null),
            new Endpoint("GET", "/companies/{companyId}/projects/{projectId}/members", COMPANY_MEMBER,
                    c -> freshProject(c) + "/members", null),
            new Endpoint("GET", "/companies/{companyId}/projects/{projectId}/members/{userId}", COMPANY_MEMBER,
                    AccessMatrixTest::freshMembership, null),
            new Endpoint("PUT", "/companies/{companyId}/projects/{projectId}/members/{userId}", COMPANY_ADMIN,
                    c -> freshProject(c) + "/members/" + createUser(c, unique("Joining")),
                    c -> "{\"permissions\": {\"documents\": \"read_only\"}}"),
            new Endpoint("DELETE", "/companies/{companyId}/projects/{projectId}/members/{userId}", COMPANY_ADMIN,
                    AccessMatrixTest::freshMembership, null));

    @Test
    void everyEndpointLetsInExactlyTheRightCallers() {
        List<AccessMatrix.Endpoint> all = new java.util.ArrayList<>(ENDPOINTS);
        all.addAll(AccessMatrix.PARKED_EVENTS);
        AccessMatrix.verify(all, createCompany(unique("Target")), createCompany(unique("Outsider")));
    }

    @Test
    void companyListShowsACompanyCallerOnlyTheirOwnCompany() {
        UUID mine = createCompany(unique("Mine"));
        createCompany(unique("Not mine"));
        given().auth().oauth2(TestTokens.companyAdmin(mine).sign()).queryParam("limit", 200).get("/companies")
                .then().statusCode(200).body("items.id", contains(mine.toString()));
    }

    private static String freshProject(UUID company) {
        return "/companies/" + company + "/projects/" + createProject(company, unique("Matrix"));
    }

    private static String freshUser(UUID company) {
        return "/companies/" + company + "/users/" + createUser(company, unique("Matrix"));
    }

    private static String freshMembership(UUID company) {
        String members = freshProject(company) + "/members/" + createUser(company, unique("Member"));
        given().auth().oauth2(TestTokens.companyAdmin(company).sign()).contentType("application/json")
                .body("{\"permissions\": {}}").put(members).then().statusCode(201);
        return members;
    }

    private static String name(String prefix) {
        return "{\"name\": \"" + unique(prefix) + "\"}";
    }
}
