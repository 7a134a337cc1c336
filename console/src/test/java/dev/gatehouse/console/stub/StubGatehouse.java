package dev.gatehouse.console.stub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * token-service and the four services as the console meets them, on one real HTTP port (WireMock): OpenID discovery
 * and the JWKS, the token endpoint's code and refresh grants, and whatever API answers a test sets up. Its tokens are
 * JWTs signed with a key of its own and published in its JWKS, so quarkus-oidc verifies them exactly as it verifies
 * token-service's. The services answer under {@code /directory}, {@code /apps} and {@code /audit}; token-service's
 * own API ({@code /me}) at the root, as in the real deployment.
 */
public final class StubGatehouse {

    public static final String CLIENT_ID = "console-under-test";
    public static final String CLIENT_SECRET = "console-under-test-secret";
    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String LOGOUT_PATH = "/oauth2/logout";
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What token-service's tokens say of a person. */
    public record Person(String id, String email, String name, boolean platformAdmin) {

        public static Person named(String name) {
            return new Person(UUID.randomUUID().toString(), name.toLowerCase() + "@example.test", name, false);
        }
    }

    /** One answer of the token endpoint; the access token lives {@code expiresIn} seconds. */
    public record Tokens(String idToken, String accessToken, String refreshToken, long expiresIn) {
    }

    private final WireMockServer server;
    private final RsaJsonWebKey key;

    public StubGatehouse() {
        try {
            this.key = RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        key.setKeyId("stub-" + UUID.randomUUID());
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        key.setUse("sig");
        this.server = new WireMockServer(options().dynamicPort());
    }

    public void start() {
        server.start();
        reset();
    }

    public void stop() {
        server.stop();
    }

    /** Forgets every answer and request but discovery's and the JWKS (between tests). */
    public void reset() {
        server.resetAll();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer());
        metadata.put("authorization_endpoint", issuer() + "/oauth2/authorize");
        metadata.put("token_endpoint", issuer() + TOKEN_PATH);
        metadata.put("jwks_uri", issuer() + "/oauth2/jwks");
        metadata.put("end_session_endpoint", issuer() + LOGOUT_PATH);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        server.stubFor(get(urlPathEqualTo("/.well-known/openid-configuration"))
                .willReturn(okJson(json(metadata))));
        server.stubFor(get(urlPathEqualTo("/oauth2/jwks"))
                .willReturn(okJson(new JsonWebKeySet(key).toJson())));
    }

    public WireMockServer server() {
        return server;
    }

    public String issuer() {
        return server.baseUrl();
    }

    /** Fresh tokens for {@code person}, the ID token living {@code idTokenLife}, the access token ten minutes. */
    public Tokens tokensFor(Person person, Duration idTokenLife) {
        return tokensFor(person, idTokenLife, Duration.ofMinutes(10));
    }

    public Tokens tokensFor(Person person, Duration idTokenLife, Duration accessTokenLife) {
        Instant now = Instant.now();
        JwtClaims id = claims(person, now, idTokenLife);
        id.setAudience(CLIENT_ID);
        id.setClaim("email", person.email());
        id.setClaim("name", person.name());
        JwtClaims access = claims(person, now, accessTokenLife);
        access.setAudience("gatehouse");
        access.setClaim("roles", person.platformAdmin() ? List.of("platform_admin") : List.of());
        return new Tokens(sign(id), sign(access), "rt-" + UUID.randomUUID(), accessTokenLife.toSeconds());
    }

    /**
     * token-service's answer to {@code authorizationRequest} once the person has signed in there: the callback the
     * browser is sent to (RFC 6749 §4.1.2), its code exchangeable once, by the console's own credentials, for
     * {@code tokens}.
     */
    public URI approve(URI authorizationRequest, Tokens tokens) {
        Map<String, String> asked = query(authorizationRequest);
        String code = "code-" + UUID.randomUUID();
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo(code))
                .withFormParam("redirect_uri", equalTo(asked.get("redirect_uri")))
                .willReturn(okJson(body(tokens))));
        return URI.create(asked.get("redirect_uri") + "?code=" + code + "&state=" + asked.get("state"));
    }

    /** A service answers GET {@code path} (any query) with {@code body}, to {@code accessToken} only. */
    public void answers(String path, String accessToken, Object body) {
        server.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson(json(body))));
    }

    /** What the start page asks for: the person's companies (one, named {@code company}) and organizations (none). */
    public void startPageFor(Tokens tokens, String company) {
        answers("/directory/companies", tokens.accessToken(),
                Map.of("items", List.of(Map.of("id", UUID.randomUUID().toString(), "name", company))));
        answers("/apps/developer-orgs", tokens.accessToken(), Map.of("items", List.of()));
    }

    /** token-service's refusal of the authorization request (RFC 6749 §4.1.2.1), as the callback it sends to. */
    public URI refuse(URI authorizationRequest, String error) {
        Map<String, String> asked = query(authorizationRequest);
        return URI.create(asked.get("redirect_uri") + "?error=" + error + "&state=" + asked.get("state"));
    }

    /** The refresh grant with {@code refreshToken} answers {@code next} (RFC 6749 §6). */
    public void refreshes(String refreshToken, Tokens next) {
        server.stubFor(refresh(refreshToken).willReturn(okJson(body(next))));
    }

    /** The refresh grant with {@code refreshToken} is refused: the grant is over (RFC 6749 §5.2). */
    public void endsGrantOf(String refreshToken) {
        server.stubFor(refresh(refreshToken).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The sign-in has ended\"}")));
    }

    /** The token endpoint's requests so far with this grant type, oldest first. */
    public List<LoggedRequest> tokenRequests(String grantType) {
        return server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withFormParam("grant_type", equalTo(grantType)));
    }

    /** A request's query parameters, or a form body's fields. */
    public static Map<String, String> query(URI uri) {
        return fields(uri.getRawQuery());
    }

    public static Map<String, String> fields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return fields;
    }

    private MappingBuilder refresh(String refreshToken) {
        return post(urlPathEqualTo(TOKEN_PATH)).withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo(refreshToken));
    }

    private JwtClaims claims(Person person, Instant now, Duration life) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer());
        claims.setSubject(person.id());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(life).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(Tokens tokens) {
        return json(Map.of("token_type", "Bearer", "expires_in", tokens.expiresIn(), "scope", "openid profile email",
                "id_token", tokens.idToken(), "access_token", tokens.accessToken(),
                "refresh_token", tokens.refreshToken()));
    }

    /** {@code value} as JSON text. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
