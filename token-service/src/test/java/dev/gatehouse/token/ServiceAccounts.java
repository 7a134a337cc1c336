package dev.gatehouse.token;

import dev.gatehouse.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** Fixture builder for company service accounts, made through the admin API: {@code ServiceAccounts.in(c).create()}. */
public final class ServiceAccounts {

    private final UUID company;
    private final String admin;
    private List<String> scopes = List.of("projects.read", "projects.write");
    private String algorithm;

    private ServiceAccounts(UUID company) {
        this.company = Companies.known(company);
        this.admin = TestTokens.companyAdmin(company).sign();
    }

    public static ServiceAccounts in(UUID company) {
        return new ServiceAccounts(company);
    }

    public ServiceAccounts scopes(String... s) {
        this.scopes = List.of(s);
        return this;
    }

    public ServiceAccounts algorithm(String alg) {
        this.algorithm = alg;
        return this;
    }

    /** A service account the company runs as a resource server: it may introspect the company's tokens. */
    public Created resourceServer() {
        return scopes("token.introspect").create();
    }

    /** Creates one; returns {clientId, clientSecret, ...} as the API answered. */
    public Created create() {
        String scopeJson = scopes.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        JsonPath body = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"sa " + UUID.randomUUID() + "\", \"scopes\": [" + scopeJson + "]"
                        + (algorithm == null ? "" : ", \"signingAlgorithm\": \"" + algorithm + "\"") + "}")
                .post(base()).then().statusCode(201).extract().jsonPath();
        return new Created(body.getString("clientId"), body.getString("clientSecret"),
                UUID.fromString(body.getString("client.serviceAccount.userId")), this);
    }

    String base() {
        return "/companies/" + company + "/service-accounts";
    }

    /**
     * A created service account and the admin calls a test makes on it; {@code userId} is its directory user, the
     * {@code sub} of its tokens.
     */
    public record Created(String clientId, String secret, UUID userId, ServiceAccounts owner) {
        public String path() {
            return owner.base() + "/" + clientId;
        }

        public String admin() {
            return owner.admin;
        }

        public UUID company() {
            return owner.company;
        }
    }
}
