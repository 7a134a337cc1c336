package dev.gatehouse.token.endpoint;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.RawHttp;
import dev.gatehouse.testsupport.Sql;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.ServiceAccounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The token endpoint, by real form posts: status, headers and body for success and for each RFC 6749 error. */
@QuarkusTest
class TokenEndpointTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private List<EventEnvelope> issued;

    private UUID company;
    private ServiceAccounts.Created sa;

    @BeforeEach
    void serviceAccount() {
        company = UUID.randomUUID();
        sa = ServiceAccounts.in(company).create();
    }

    @Test
    void clientCredentialsWithBasicAuthIssuesAnRfc9068Token() throws Exception {
        Response response;
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.TOKEN_TOKEN)) {
            response = given().auth().preemptive().basic(sa.clientId(), sa.secret())
                    .formParam("grant_type", "client_credentials").post("/oauth2/token");
            issued = probe.await(e -> e.eventType().equals("TokenIssued") && e.aggregateId().equals(sa.clientId()),
                    1, Duration.ofSeconds(15));
        }
        response.then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("scope", equalTo("projects.read projects.write"));
        String jwt = response.path("access_token");

        JsonWebSignature header = new JsonWebSignature();
        header.setCompactSerialization(jwt);
        assertThat(header.getHeader("typ")).isEqualTo("at+jwt");
        assertThat(header.getAlgorithmHeaderValue()).isEqualTo("RS256");

        JwtClaims claims = verify(jwt);
        assertThat(claims.getIssuer()).isEqualTo(TestTokens.ISSUER);
        // A company service account acts as its directory user (Itential's "Edit Permissions").
        assertThat(claims.getSubject()).isEqualTo(sa.userId().toString());
        assertThat(claims.getStringListClaimValue("roles")).containsExactly("service_account");
        assertThat(claims.getAudience()).containsExactly("gatehouse");
        assertThat(claims.getStringClaimValue("client_id")).isEqualTo(sa.clientId());
        assertThat(claims.getStringClaimValue("scope")).isEqualTo("projects.read projects.write");
        assertThat(claims.getStringClaimValue("company_id")).isEqualTo(company.toString());
        assertThat(claims.getJwtId()).isNotBlank();
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(3600);

        // Its TokenIssued is on Kafka (published directly, or through the outbox while Kafka was not answering),
        // and carries the token's id, never the token.
        assertThat(issued).hasSize(1);
        TokenIssued event = issued.get(0).payloadAs(TokenEvents.TOKEN_ISSUED);
        assertThat(event.jti()).isEqualTo(claims.getJwtId());
        assertThat(event.grantType()).isEqualTo("client_credentials");
        assertThat(EventJson.serialize(issued.get(0))).doesNotContain(jwt);
        assertThat(count("select count(*) from outbox_event where position(? in envelope::text) > 0", jwt))
                .isZero();
    }

    @Test
    void clientSecretPostWorksAndEs256ClientsGetEs256Tokens() throws Exception {
        ServiceAccounts.Created es = ServiceAccounts.in(company).algorithm("ES256").create();
        String jwt = given().formParam("grant_type", "client_credentials").formParam("client_id", es.clientId())
                .formParam("client_secret", es.secret()).post("/oauth2/token")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().path("access_token");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("ES256");
        assertThat(verify(jwt).getSubject()).isEqualTo(es.userId().toString());
    }

    @Test
    void requestedScopesMustBeASubsetOfTheAllowedOnes() {
        given().auth().preemptive().basic(sa.clientId(), sa.secret()).formParam("grant_type", "client_credentials")
                .formParam("scope", "projects.read").post("/oauth2/token")
                .then().statusCode(200).body("scope", equalTo("projects.read"));
        oauthError(given().auth().preemptive().basic(sa.clientId(), sa.secret())
                .formParam("grant_type", "client_credentials").formParam("scope", "projects.read admin")
                .post("/oauth2/token"), 400, "invalid_scope");
    }

    @Test
    void malformedRequestsAreInvalidRequest() {
        oauthError(given().auth().preemptive().basic(sa.clientId(), sa.secret()).formParam("x", "y")
                .post("/oauth2/token"), 400, "invalid_request");
        oauthError(given().auth().preemptive().basic(sa.clientId(), sa.secret())
                .formParam("grant_type", "client_credentials").formParam("grant_type", "client_credentials")
                .post("/oauth2/token"), 400, "invalid_request");
        oauthError(given().auth().preemptive().basic(sa.clientId(), sa.secret())
                .formParam("grant_type", "client_credentials").formParam("client_id", sa.clientId())
                .formParam("client_secret", sa.secret()).post("/oauth2/token"), 400, "invalid_request");
        oauthError(given().auth().preemptive().basic(sa.clientId(), sa.secret()).contentType(ContentType.JSON)
                .body("{\"grant_type\": \"client_credentials\"}").post("/oauth2/token"), 400, "invalid_request");
        oauthError(given().auth().preemptive().basic(sa.clientId(), sa.secret())
                .formParam("grant_type", "client_credentials").formParam("scope", "projects.read\u0000")
                .post("/oauth2/token"), 400, "invalid_request");
        oauthError(given().auth().preemptive().basic(sa.clientId(), sa.secret()).urlEncodingEnabled(false)
                .contentType("application/x-www-form-urlencoded").body("grant_type=client_credentials&scope=%zz")
                .post("/oauth2/token"), 400, "invalid_request");
    }

    @Test
    void requestsRefusedBeforeTheEndpointRunsStillGetAnOAuthError() throws Exception {
        // a NUL in the URL and a body over the size limit are refused by shared filters, the OAuth way here
        oauthError(given().auth().preemptive().basic(sa.clientId(), sa.secret()).urlEncodingEnabled(false)
                .queryParam("x", "%00").formParam("grant_type", "client_credentials").post("/oauth2/token"), 400,
                "invalid_request");
        RawHttp.Answer tooLarge = RawHttp.exchange("POST /oauth2/token HTTP/1.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: 99999999",
                "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/json");
        assertThat(new io.restassured.path.json.JsonPath(tooLarge.body()).getString("error"))
                .isEqualTo("invalid_request");
        RawHttp.Answer malformedUri = RawHttp.exchange("POST /oauth2/token?x=%zz HTTP/1.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: 29",
                "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
        assertThat(malformedUri.status()).isEqualTo(400);
        assertThat(new io.restassured.path.json.JsonPath(malformedUri.body()).getString("error"))
                .isEqualTo("invalid_request");
        // a form sent with another media type is the endpoint's own invalid_request, not the APIs' 415 problem
        oauthError(given().auth().preemptive().basic(sa.clientId(), sa.secret()).contentType(ContentType.TEXT)
                .body("grant_type=client_credentials").post("/oauth2/token"), 400, "invalid_request");
    }

    @Test
    void unknownGrantTypesAreUnsupported() {
        oauthError(given().auth().preemptive().basic(sa.clientId(), sa.secret()).formParam("grant_type", "password")
                .post("/oauth2/token"), 400, "unsupported_grant_type");
    }

    @Test
    void anUnknownClientAndAWrongSecretGetTheSameAnswer() throws Exception {
        Response wrong = given().auth().preemptive().basic(sa.clientId(), sa.secret() + "x")
                .formParam("grant_type", "client_credentials").post("/oauth2/token");
        Response unknown = given().auth().preemptive().basic("sa_unknown", sa.secret())
                .formParam("grant_type", "client_credentials").post("/oauth2/token");
        oauthError(wrong, 401, "invalid_client");
        oauthError(unknown, 401, "invalid_client");
        assertThat(wrong.asString()).isEqualTo(unknown.asString());
        wrong.then().header("WWW-Authenticate", startsWith("Basic"));
        oauthError(given().formParam("grant_type", "client_credentials").post("/oauth2/token"), 401,
                "invalid_client");
        assertThat(count("select count(*) from outbox_event where event_type = 'ClientAuthenticationFailed' "
                + "and kafka_key = ? and envelope->'payload'->>'reason' = 'bad_secret'", sa.clientId())).isEqualTo(1);
    }

    @Test
    void aSecretSentAsTheClientIdIsNeverRecorded() throws Exception {
        // Id and secret swapped, a common mistake: the "id" is a live secret and must not reach the audit trail.
        oauthError(given().auth().preemptive().basic(sa.secret(), sa.clientId())
                .formParam("grant_type", "client_credentials").post("/oauth2/token"), 401, "invalid_client");
        oauthError(given().formParam("client_id", "someone's password").formParam("client_secret", "x")
                .formParam("grant_type", "client_credentials").post("/oauth2/token"), 401, "invalid_client");

        assertThat(count("select count(*) from outbox_event where position(? in envelope::text) > 0", sa.secret()))
                .isZero();
        assertThat(count("select count(*) from outbox_event where event_type = 'ClientAuthenticationFailed' "
                + "and envelope->'payload'->>'clientId' = ?", "(redacted: looked like a client secret)"))
                .isPositive();
        assertThat(count("select count(*) from outbox_event where position(? in envelope::text) > 0",
                "someone's password")).isZero();
        // An id of a shape Gatehouse makes is kept, known or not, so an admin can follow a misconfigured client.
        String unknownButWellFormed = "sa_" + "0123456789abcdef".repeat(2);
        oauthError(given().auth().preemptive().basic(unknownButWellFormed, "x")
                .formParam("grant_type", "client_credentials").post("/oauth2/token"), 401, "invalid_client");
        assertThat(count("select count(*) from outbox_event where event_type = 'ClientAuthenticationFailed' "
                + "and kafka_key = ?", unknownButWellFormed)).isEqualTo(1);
    }

    @Test
    void aDisabledClientCannotAuthenticateUntilEnabled() {
        given().auth().oauth2(sa.admin()).contentType(ContentType.JSON).body("{}").post(sa.path() + "/disable")
                .then().statusCode(200);
        oauthError(basicGrant(sa.secret()), 401, "invalid_client")
                .body("error_description", equalTo("Client is disabled"));
        given().auth().oauth2(sa.admin()).post(sa.path() + "/enable").then().statusCode(200);
        basicGrant(sa.secret()).then().statusCode(200);
    }

    @Test
    void secretLifecycleDecidesWhichSecretsWork() {
        String newer = given().auth().oauth2(sa.admin()).contentType(ContentType.JSON).body("{}")
                .post(sa.path() + "/secrets").then().statusCode(201).extract().path("clientSecret");
        basicGrant(sa.secret()).then().statusCode(200);
        basicGrant(newer).then().statusCode(200);

        String regenerated = given().auth().oauth2(sa.admin()).post(sa.path() + "/regenerate-secret")
                .then().statusCode(201).extract().path("clientSecret");
        oauthError(basicGrant(sa.secret()), 401, "invalid_client");
        oauthError(basicGrant(newer), 401, "invalid_client");
        basicGrant(regenerated).then().statusCode(200);

        given().auth().oauth2(sa.admin()).delete(sa.path()).then().statusCode(204);
        oauthError(basicGrant(regenerated), 401, "invalid_client");
    }

    @Test
    void basicCredentialsAreFormUrlDecoded() {
        // RFC 6749 §2.3.1: "sa_x" and "gatehouse_cs_..." encode to themselves; a client library that
        // url-encodes them anyway must still be understood.
        String encoded = Base64.getEncoder().encodeToString((sa.clientId() + ":" + sa.secret().replace("_", "%5F"))
                .getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + encoded).formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(200);
    }

    private Response basicGrant(String secret) {
        return given().auth().preemptive().basic(sa.clientId(), secret).formParam("grant_type", "client_credentials")
                .post("/oauth2/token");
    }

    private static io.restassured.response.ValidatableResponse oauthError(Response r, int status, String error) {
        return r.then().statusCode(status).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("error", equalTo(error)).body("error_description", org.hamcrest.Matchers.notNullValue());
    }

    private static JwtClaims verify(String jwt) throws Exception {
        JsonWebKeySet jwks = new JsonWebKeySet(given().get("/oauth2/jwks").then().statusCode(200).extract().asString());
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer(TestTokens.ISSUER).setExpectedAudience("gatehouse").setRequireJwtId()
                .setExpectedType(true, "at+jwt").build();
        return consumer.processToClaims(jwt);
    }

    private long count(String sql, Object param) throws Exception {
        return Sql.count(dataSource, sql, param);
    }
}
