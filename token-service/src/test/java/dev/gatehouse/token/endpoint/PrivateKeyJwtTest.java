package dev.gatehouse.token.endpoint;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.Companies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** RFC 7523 §2.2 client authentication with a signed assertion instead of a secret. */
@QuarkusTest
class PrivateKeyJwtTest {

    private static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private UUID company;
    private String admin;
    private PublicJsonWebKey key;
    private String clientId;

    @BeforeEach
    void clientWithRegisteredKey() throws Exception {
        company = Companies.known(UUID.randomUUID());
        admin = TestTokens.companyAdmin(company).sign();
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("client-key-1");
        clientId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"pkjwt " + UUID.randomUUID() + "\", \"jwks\": {\"keys\": ["
                        + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}}")
                .post("/companies/" + company + "/service-accounts").then().statusCode(201)
                .body("client.tokenEndpointAuthMethods", hasItem("private_key_jwt"))
                .extract().path("clientId");
    }

    @Test
    void aSignedAssertionGetsATokenOnceAndAReplayIsRefused() throws Exception {
        String assertion = assertion(key, AlgorithmIdentifiers.RSA_USING_SHA256, c -> { });
        grant(assertion).then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"));
        grant(assertion).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void assertionsThatDoNotProveTheClientAreInvalidClient() throws Exception {
        PublicJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId("client-key-1");
        grant(assertion(stranger, AlgorithmIdentifiers.RSA_USING_SHA256, c -> { })).then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        grant(assertion(key, AlgorithmIdentifiers.RSA_USING_SHA256, c -> c.setAudience("https://elsewhere.example")))
                .then().statusCode(401);
        grant(assertion(key, AlgorithmIdentifiers.RSA_USING_SHA256,
                c -> c.setExpirationTimeMinutesInTheFuture(60))).then().statusCode(401);
        grant(assertion(key, AlgorithmIdentifiers.RSA_USING_SHA256, c -> c.unsetClaim("jti"))).then().statusCode(401);
        grant("not.a.jwt").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void anAssertionCannotBeCombinedWithASecretOrAWrongType() throws Exception {
        String assertion = assertion(key, AlgorithmIdentifiers.RSA_USING_SHA256, c -> { });
        given().formParam("grant_type", "client_credentials").formParam("client_assertion_type", TYPE)
                .formParam("client_assertion", assertion).formParam("client_secret", "x").post("/oauth2/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().formParam("grant_type", "client_credentials").formParam("client_assertion_type", "urn:other")
                .formParam("client_assertion", assertion).post("/oauth2/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void keysCanBeServedAtAJwksUri() throws Exception {
        PublicJsonWebKey ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("ec-1");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = ("{\"keys\": [" + ec.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        try {
            String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
            clientId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"name\": \"uri " + UUID.randomUUID() + "\", \"jwksUri\": \"" + uri + "\"}")
                    .post("/companies/" + company + "/service-accounts").then().statusCode(201)
                    .extract().path("clientId");
            grant(assertion(ec, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, c -> { }))
                    .then().statusCode(200);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aHostileJwksUriCannotExhaustTheServerOrBeProbedForFree() throws Exception {
        PublicJsonWebKey ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("ec-hostile");
        AtomicInteger hits = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean wholeBodyRead = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch hugeDone = new java.util.concurrent.CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // An endless body, with no length announced: it must be abandoned at the cap, not buffered.
        server.createContext("/huge", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < 4096; i++) {
                    out.write(chunk);
                }
                wholeBodyRead.set(true);
            } catch (java.io.IOException reset) {
                // token-service hung up past its cap, as it should
            } finally {
                hugeDone.countDown();
            }
        });
        server.createContext("/broken", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            clientId = registerJwksUri(base + "/huge");
            long started = System.nanoTime();
            grant(assertion(ec, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, c -> { }))
                    .then().statusCode(401).body("error", equalTo("invalid_client"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(hugeDone.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(wholeBodyRead.get()).as("64 MiB were not read: the fetch stopped at its cap").isFalse();

            clientId = registerJwksUri(base + "/broken");
            hits.set(0);
            for (int i = 0; i < 3; i++) {
                grant(assertion(ec, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, c -> { }))
                        .then().statusCode(401).body("error", equalTo("invalid_client"));
            }
            assertThat(hits.get()).as("a failed fetch is remembered, not repeated per attempt").isEqualTo(1);

            // An assertion that fails without any key (wrong audience) costs no fetch at all.
            clientId = registerJwksUri(base + "/broken?fresh=" + UUID.randomUUID());
            hits.set(0);
            grant(assertion(ec, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                    c -> c.setAudience("https://elsewhere.example"))).then().statusCode(401);
            assertThat(hits.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void registeringAPrivateKeyOrGarbageIsRefused() throws Exception {
        PublicJsonWebKey full = RsaJwkGenerator.generateJwk(2048);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"leaky\", \"jwks\": {\"keys\": ["
                        + full.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE) + "]}}")
                .post("/companies/" + company + "/service-accounts").then().statusCode(400)
                .body("errors[0].field", equalTo("jwks"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"junk\", \"jwks\": {\"nope\": 1}}")
                .post("/companies/" + company + "/service-accounts").then().statusCode(400)
                .body("errors[0].field", equalTo("jwks"));
        for (String uri : new String[] {"ftp://keys.example/jwks", "http://keys.example/jwks", "/relative"}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"name\": \"bad uri\", \"jwksUri\": \"" + uri + "\"}")
                    .post("/companies/" + company + "/service-accounts").then().statusCode(400)
                    .body("errors[0].field", equalTo("jwksUri"));
        }
    }

    private String registerJwksUri(String uri) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"uri " + UUID.randomUUID() + "\", \"jwksUri\": \"" + uri + "\"}")
                .post("/companies/" + company + "/service-accounts").then().statusCode(201)
                .extract().path("clientId");
    }

    private Response grant(String assertion) {
        return given().formParam("grant_type", "client_credentials").formParam("client_assertion_type", TYPE)
                .formParam("client_assertion", assertion).post("/oauth2/token");
    }

    private String assertion(PublicJsonWebKey signer, String alg, Consumer<JwtClaims> tweak) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(clientId);
        claims.setSubject(clientId);
        claims.setAudience(TestTokens.ISSUER + "/oauth2/token");
        claims.setExpirationTimeMinutesInTheFuture(2);
        claims.setIssuedAt(NumericDate.now());
        claims.setGeneratedJwtId();
        tweak.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.getPrivateKey());
        jws.setKeyIdHeaderValue(signer.getKeyId());
        jws.setAlgorithmHeaderValue(alg);
        return jws.getCompactSerialization();
    }
}
