package dev.gatehouse.token.security;

import dev.gatehouse.testsupport.AccessMatrix.Endpoint;
import dev.gatehouse.testsupport.AccessMatrix;
import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.AppClients;
import dev.gatehouse.token.Companies;
import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.PlatformClients;
import dev.gatehouse.token.ServiceAccounts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.gatehouse.testsupport.AccessMatrix.Access.COMPANY_ADMIN;
import static dev.gatehouse.testsupport.AccessMatrix.Access.DEVELOPER;
import static dev.gatehouse.testsupport.AccessMatrix.Access.PLATFORM_ADMIN;

/** Every token-service administration endpoint, every kind of caller. */
@QuarkusTest
class AccessMatrixTest {

    private static final String BASE = "/companies/{companyId}/service-accounts";
    private static final String PLATFORM = PlatformClients.BASE;
    private static final String FIRST_PARTY = "/first-party-clients";

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", BASE, COMPANY_ADMIN, c -> base(c),
                    c -> "{\"name\": \"matrix " + UUID.randomUUID() + "\"}"),
            new Endpoint("GET", BASE, COMPANY_ADMIN, c -> base(c), null),
            new Endpoint("GET", BASE + "/{clientId}", COMPANY_ADMIN, AccessMatrixTest::fresh, null),
            new Endpoint("PATCH", BASE + "/{clientId}", COMPANY_ADMIN, AccessMatrixTest::fresh,
                    c -> "{\"description\": \"changed\"}"),
            new Endpoint("DELETE", BASE + "/{clientId}", COMPANY_ADMIN, AccessMatrixTest::fresh, null),
            new Endpoint("POST", BASE + "/{clientId}/secrets", COMPANY_ADMIN, c -> fresh(c) + "/secrets", c -> "{}"),
            new Endpoint("PUT", BASE + "/{clientId}/permissions", COMPANY_ADMIN, c -> fresh(c) + "/permissions",
                    c -> "{\"companyPermissions\": {\"directory\": \"read_only\"}}"),
            new Endpoint("DELETE", BASE + "/{clientId}/secrets/{secretId}", COMPANY_ADMIN,
                    AccessMatrixTest::freshSecret, null),
            new Endpoint("POST", BASE + "/{clientId}/regenerate-secret", COMPANY_ADMIN,
                    c -> fresh(c) + "/regenerate-secret", null),
            new Endpoint("POST", BASE + "/{clientId}/disable", COMPANY_ADMIN, c -> fresh(c) + "/disable", c -> "{}"),
            new Endpoint("POST", BASE + "/{clientId}/enable", COMPANY_ADMIN, c -> fresh(c) + "/enable", null),
            new Endpoint("POST", BASE + "/{clientId}/revoke-tokens", COMPANY_ADMIN,
                    c -> fresh(c) + "/revoke-tokens", null),
            new Endpoint("GET", "/companies/{companyId}/integrations", COMPANY_ADMIN,
                    c -> "/companies/" + c + "/integrations", null),
            new Endpoint("DELETE", "/companies/{companyId}/integrations/{accountId}/{clientId}", COMPANY_ADMIN,
                    c -> "/companies/" + c + "/integrations/" + UUID.randomUUID() + "/app_matrix", null),
            new Endpoint("GET", "/clients/{clientId}", DEVELOPER, AccessMatrixTest::freshApp, null),
            new Endpoint("POST", "/clients/{clientId}/secrets", DEVELOPER, c -> freshApp(c) + "/secrets",
                    c -> "{}"),
            new Endpoint("DELETE", "/clients/{clientId}/secrets/{secretId}", DEVELOPER,
                    c -> appSecret(c), null),
            new Endpoint("POST", "/clients/{clientId}/regenerate-secret", DEVELOPER,
                    c -> freshApp(c) + "/regenerate-secret", null),
            new Endpoint("POST", PLATFORM, PLATFORM_ADMIN, c -> PLATFORM,
                    c -> "{\"name\": \"matrix " + UUID.randomUUID() + "\"}"),
            new Endpoint("GET", PLATFORM, PLATFORM_ADMIN, c -> PLATFORM, null),
            new Endpoint("GET", PLATFORM + "/{clientId}", PLATFORM_ADMIN, c -> PlatformClients.create().path(), null),
            new Endpoint("DELETE", PLATFORM + "/{clientId}", PLATFORM_ADMIN, c -> PlatformClients.create().path(),
                    null),
            new Endpoint("POST", PLATFORM + "/{clientId}/secrets", PLATFORM_ADMIN,
                    c -> PlatformClients.create().path() + "/secrets", c -> "{}"),
            new Endpoint("DELETE", PLATFORM + "/{clientId}/secrets/{secretId}", PLATFORM_ADMIN,
                    c -> PlatformClients.create().secretPath(), null),
            new Endpoint("POST", PLATFORM + "/{clientId}/regenerate-secret", PLATFORM_ADMIN,
                    c -> PlatformClients.create().path() + "/regenerate-secret", null),
            new Endpoint("POST", PLATFORM + "/{clientId}/disable", PLATFORM_ADMIN,
                    c -> PlatformClients.create().path() + "/disable", c -> "{}"),
            new Endpoint("POST", PLATFORM + "/{clientId}/enable", PLATFORM_ADMIN,
                    c -> PlatformClients.create().path() + "/enable", null),
            new Endpoint("POST", PLATFORM + "/{clientId}/revoke-tokens", PLATFORM_ADMIN,
                    c -> PlatformClients.create().path() + "/revoke-tokens", null),
            new Endpoint("POST", FIRST_PARTY, PLATFORM_ADMIN, c -> FIRST_PARTY, c -> "{\"name\": \"matrix "
                    + UUID.randomUUID() + "\", \"redirectUris\": [\"https://app.example/cb\"]}"),
            new Endpoint("GET", FIRST_PARTY, PLATFORM_ADMIN, c -> FIRST_PARTY, null),
            new Endpoint("GET", FIRST_PARTY + "/{clientId}", PLATFORM_ADMIN, c -> firstParty(), null),
            new Endpoint("PATCH", FIRST_PARTY + "/{clientId}", PLATFORM_ADMIN, c -> firstParty(),
                    c -> "{\"description\": \"changed\"}"),
            new Endpoint("DELETE", FIRST_PARTY + "/{clientId}", PLATFORM_ADMIN, c -> firstParty(), null),
            new Endpoint("POST", FIRST_PARTY + "/{clientId}/secrets", PLATFORM_ADMIN, c -> firstParty() + "/secrets",
                    c -> "{}"),
            new Endpoint("DELETE", FIRST_PARTY + "/{clientId}/secrets/{secretId}", PLATFORM_ADMIN,
                    c -> firstPartySecret(), null),
            new Endpoint("POST", FIRST_PARTY + "/{clientId}/regenerate-secret", PLATFORM_ADMIN,
                    c -> firstParty() + "/regenerate-secret", null),
            new Endpoint("POST", FIRST_PARTY + "/{clientId}/disable", PLATFORM_ADMIN,
                    c -> firstParty() + "/disable", c -> "{}"),
            new Endpoint("POST", FIRST_PARTY + "/{clientId}/enable", PLATFORM_ADMIN,
                    c -> firstParty() + "/enable", null),
            new Endpoint("POST", FIRST_PARTY + "/{clientId}/revoke-tokens", PLATFORM_ADMIN,
                    c -> firstParty() + "/revoke-tokens", null),
            new Endpoint("GET", "/accounts", PLATFORM_ADMIN, c -> "/accounts", null),
            new Endpoint("GET", "/accounts/{accountId}", PLATFORM_ADMIN, c -> "/accounts/" + Accounts.create().id(),
                    null),
            new Endpoint("POST", "/accounts/{accountId}/disable", PLATFORM_ADMIN,
                    c -> "/accounts/" + Accounts.create().id() + "/disable", c -> "{}"),
            new Endpoint("POST", "/accounts/{accountId}/enable", PLATFORM_ADMIN,
                    c -> "/accounts/" + Accounts.create().id() + "/enable", null),
            new Endpoint("GET", "/signing-keys", PLATFORM_ADMIN, c -> "/signing-keys", null),
            new Endpoint("POST", "/signing-keys/rotate", PLATFORM_ADMIN, c -> "/signing-keys/rotate?algorithm=RS256",
                    null));

    /**
     * Client-authenticated OAuth endpoints, public metadata, the browser endpoints of sign-in, and what a person
     * does with their own token (userinfo, {@code /me}, approved integrations): covered by the protocol and sign-in
     * tests, with real person tokens from this server.
     */
    private static final Set<String> OAUTH = Set.of("POST /oauth2/token", "POST /oauth2/introspect",
            "POST /oauth2/revoke", "GET /oauth2/jwks", "GET /.well-known/oauth-authorization-server",
            "GET /.well-known/openid-configuration", "GET /oauth2/authorize", "GET /oauth2/userinfo",
            "POST /oauth2/userinfo", "GET /me", "PATCH /me", "GET /me/sessions", "DELETE /me/sessions/{sessionId}",
            "GET /me/integrations", "DELETE /me/integrations/{companyId}/{clientId}");

    @Test
    void everyEndpointLetsInExactlyTheRightCallers() {
        List<Endpoint> all = new java.util.ArrayList<>(ENDPOINTS);
        all.addAll(AccessMatrix.PARKED_EVENTS);
        AccessMatrix.verify(all, OAUTH, Companies.known(UUID.randomUUID()), UUID.randomUUID());
    }

    private static String firstParty() {
        return FIRST_PARTY + "/" + PersonSignIn.firstPartyClient().clientId();
    }

    private static String firstPartySecret() {
        String path = firstParty();
        String secretId = io.restassured.RestAssured.given().auth().oauth2(PlatformClients.admin()).get(path)
                .then().statusCode(200).extract().path("secrets[0].id");
        return path + "/secrets/" + secretId;
    }

    private static String base(UUID company) {
        return "/companies/" + company + "/service-accounts";
    }

    private static String fresh(UUID company) {
        return ServiceAccounts.in(company).create().path();
    }

    /** An app client of the developer organization the matrix's target id stands for. */
    private static String freshApp(UUID org) {
        return "/clients/" + AppClients.createFor(org).clientId();
    }

    private static String appSecret(UUID org) {
        var app = AppClients.createFor(org);
        return "/clients/" + app.clientId() + "/secrets/" + app.secretId();
    }

    private static String freshSecret(UUID company) {
        ServiceAccounts.Created sa = ServiceAccounts.in(company).create();
        String secretId = io.restassured.RestAssured.given().auth().oauth2(sa.admin()).get(sa.path())
                .then().statusCode(200).extract().path("secrets[0].id");
        return sa.path() + "/secrets/" + secretId;
    }
}
