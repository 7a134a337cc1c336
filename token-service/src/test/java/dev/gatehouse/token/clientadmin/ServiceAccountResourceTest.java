package dev.gatehouse.token.clientadmin;

import dev.gatehouse.testsupport.Sql;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.Companies;
import dev.gatehouse.token.client.SecretHasher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ServiceAccountResourceTest {

    @Inject
    AgroalDataSource dataSource;

    private UUID company;
    private String admin;
    private String base;

    @BeforeEach
    void company() {
        company = Companies.known(UUID.randomUUID());
        admin = TestTokens.companyAdmin(company).sign();
        base = "/companies/" + company + "/service-accounts";
    }

    @Test
    void eachSecretShowsWhenItWasLastUsed() {
        JsonPath created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"reporting\", \"scopes\": []}").post(base).then().statusCode(201)
                .extract().jsonPath();
        String path = base + "/" + created.getString("clientId");
        given().auth().oauth2(admin).get(path).then().statusCode(200).body("secrets[0].lastUsedAt", nullValue());

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        given().auth().preemptive().basic(created.getString("clientId"), created.getString("clientSecret"))
                .formParam("grant_type", "client_credentials").post("/oauth2/token").then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String lastUsed = given().auth().oauth2(admin).get(path).then().statusCode(200)
                    .body("secrets[0].lastUsedAt", notNullValue()).extract().path("secrets[0].lastUsedAt");
            assertThat(Instant.parse(lastUsed)).isBetween(before, Instant.now());
        });
    }

    @Test
    void createShowsTheSecretOnceAndNeverAgain() throws Exception {
        JsonPath created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"ERP sync\", \"description\": \"nightly\", \"scopes\": [\"projects.read\"]}")
                .post(base).then().statusCode(201)
                .header("Location", notNullValue()).header("Cache-Control", "no-store")
                .body("clientId", startsWith("sa_"))
                .body("clientSecret", startsWith(SecretHasher.PREFIX))
                .body("client.scopes", equalTo(List.of("projects.read")))
                .body("client.grantTypes", equalTo(List.of("client_credentials")))
                .body("client.signingAlgorithm", equalTo("RS256"))
                .body("client.tokenLifetimeSeconds", equalTo(3600))
                .body("client.secrets", hasSize(1))
                .extract().jsonPath();
        String clientId = created.getString("clientId");
        String secret = created.getString("clientSecret");
        // 256 random bits after the prefix, base64url
        assertThat(secret.substring(SecretHasher.PREFIX.length())).hasSize(43);

        String one = given().auth().oauth2(admin).get(base + "/" + clientId).then().statusCode(200)
                .body("secrets[0].id", equalTo(created.getString("secretId")))
                .body("secrets[0].createdAt", notNullValue())
                .extract().asString();
        String list = given().auth().oauth2(admin).get(base).then().statusCode(200)
                .body("items.clientId", equalTo(List.of(clientId))).extract().asString();
        assertThat(one).doesNotContain(secret).doesNotContain("clientSecret");
        assertThat(list).doesNotContain(secret).doesNotContain("clientSecret");

        assertThat(count("select count(*) from client_secret where client_id = ? and length(secret_hash) = 32",
                clientId)).isEqualTo(1);
        assertThat(count("select count(*) from client_secret where position(convert_to(?, 'UTF8') in secret_hash) > 0",
                secret)).isZero();
        assertThat(count("select count(*) from outbox_event where position(? in envelope::text) > 0", secret))
                .isZero();
        assertThat(count("select count(*) from outbox_event where kafka_key = ? and event_type in "
                + "('ClientCreated', 'ClientSecretAdded')", clientId)).isEqualTo(2);
    }

    @Test
    void namesAreUniqueWithinTheCompany() {
        create("Dup");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"dup\"}").post(base)
                .then().statusCode(409).contentType("application/problem+json");
        // another company may use it
        UUID other = Companies.known(UUID.randomUUID());
        given().auth().oauth2(TestTokens.companyAdmin(other).sign()).contentType(ContentType.JSON)
                .body("{\"name\": \"Dup\"}").post("/companies/" + other + "/service-accounts")
                .then().statusCode(201);
    }

    @Test
    void aServiceAccountIsMadeOnlyForACompanyThatExists() throws Exception {
        UUID nowhere = UUID.randomUUID();
        given().auth().oauth2(TestTokens.platformAdmin().sign()).contentType(ContentType.JSON)
                .body("{\"name\": \"Ghost\"}").post("/companies/" + nowhere + "/service-accounts")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(nowhere.toString()));
        assertThat(count("select count(*) from client where owner_id = ?", nowhere)).isZero();
    }

    @Test
    void invalidRequestsAreProblemsNamingTheFields() {
        List<String> fields = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"scopes\": [\"bad scope\"], \"tokenLifetimeSeconds\": 5, "
                        + "\"signingAlgorithm\": \"HS256\"}")
                .post(base).then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().getList("errors.field", String.class);
        assertThat(fields).containsExactlyInAnyOrder("name", "scopes[0]", "signingAlgorithm", "tokenLifetimeSeconds");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"Scoped\", \"scopes\": [\"projects.read\", \"projects.delete\", \"token\"]}")
                .post(base).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("scopes[1]", "scopes[2]"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("GET /scopes"));
        given().auth().oauth2(admin).contentType(ContentType.TEXT).body("x").post(base).then().statusCode(415);
        given().auth().oauth2(admin).get(base + "/sa_nope").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void patchChangesOnlyWhatIsGiven() {
        String id = create("Patchable");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"scopes\": [\"projects.read\", \"documents.write\"], \"tokenLifetimeSeconds\": 600}")
                .patch(base + "/" + id).then().statusCode(200)
                .body("name", equalTo("Patchable")).body("scopes", equalTo(List.of("projects.read", "documents.write")))
                .body("tokenLifetimeSeconds", equalTo(600));
    }

    @Test
    void rotationKeepsTheOldSecretUntilTheChosenExpiryAndAllowsAtMostTwo() {
        String id = create("Rotating");
        Instant expiry = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonPath rotated = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"previousSecretsExpireAt\": \"" + expiry + "\"}")
                .post(base + "/" + id + "/secrets").then().statusCode(201).header("Cache-Control", "no-store")
                .body("clientSecret", startsWith(SecretHasher.PREFIX)).body("secrets", hasSize(2))
                .extract().jsonPath();
        assertThat(Instant.parse(rotated.getString("secrets[0].expiresAt"))).isEqualTo(expiry);
        assertThat(rotated.getString("secrets[1].expiresAt")).isNull();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post(base + "/" + id + "/secrets").then().statusCode(409);

        String oldId = rotated.getString("secrets[0].id");
        given().auth().oauth2(admin).delete(base + "/" + id + "/secrets/" + oldId).then().statusCode(200)
                .body("secrets", hasSize(1)).body("secrets[0].id", not(equalTo(oldId)));
        given().auth().oauth2(admin).delete(base + "/" + id + "/secrets/" + oldId).then().statusCode(404);

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"previousSecretsExpireAt\": \"2020-01-01T00:00:00Z\"}")
                .post(base + "/" + id + "/secrets").then().statusCode(400)
                .body("errors[0].field", equalTo("previousSecretsExpireAt"));
    }

    @Test
    void regenerateReplacesEverySecret() {
        String id = create("Regenerated");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").post(base + "/" + id + "/secrets")
                .then().statusCode(201);
        String newId = given().auth().oauth2(admin).post(base + "/" + id + "/regenerate-secret")
                .then().statusCode(201).body("secrets", hasSize(1)).extract().path("secretId");
        given().auth().oauth2(admin).get(base + "/" + id).then().body("secrets.id", equalTo(List.of(newId)));
    }

    @Test
    void disableEnableAndDelete() {
        String id = create("Switchable");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"reason\": \"leaked in a log\"}")
                .post(base + "/" + id + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledReason", equalTo("leaked in a log"));
        given().auth().oauth2(admin).post(base + "/" + id + "/enable").then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", nullValue());
        given().auth().oauth2(admin).delete(base + "/" + id).then().statusCode(204);
        given().auth().oauth2(admin).get(base + "/" + id).then().statusCode(404);
    }

    @Test
    void anotherCompanysAdminCannotSeeOrTouchTheAccount() {
        String id = create("Private");
        String outsider = TestTokens.companyAdmin(UUID.randomUUID()).sign();
        given().auth().oauth2(outsider).get(base + "/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.companyMember(company).sign()).get(base).then().statusCode(403);
    }

    private String create(String name) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}")
                .post(base).then().statusCode(201).extract().path("clientId");
    }

    private long count(String sql, Object param) throws Exception {
        return Sql.count(dataSource, sql, param);
    }
}
