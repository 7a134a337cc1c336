package dev.gatehouse.testsupport;

import dev.gatehouse.events.permission.Scope;
import dev.gatehouse.events.permission.ScopeCatalogue;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Bearer tokens for tests, signed with a key pair made fresh in each test JVM (no key material in git), carrying
 * the claims of docs/security.md. Build one per role: {@code TestTokens.companyAdmin(companyId).sign()}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://gatehouse.test";
    public static final String AUDIENCE = "gatehouse";

    private static final KeyPair KEYS = generate();

    private final String subject;
    private final List<String> roles = new ArrayList<>();
    private UUID companyId;
    private UUID developerOrgId;
    private String clientId;
    private String grantId;
    private String acr;
    private UUID actor;
    private String scope = String.join(" ", ScopeCatalogue.names());
    private String issuer = ISSUER;
    private Duration lifetime = Duration.ofMinutes(5);

    private TestTokens(String subject) {
        this.subject = subject;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verification key as quarkus-oidc's {@code public-key} takes it: base64 DER, no PEM armour. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public static TestTokens platformAdmin() {
        return new TestTokens("platform-admin-" + shortId()).role("platform_admin");
    }

    /** A person who is a platform admin, as token-service signs them in: {@code sub} is their account id. */
    public static TestTokens platformAdminPerson(UUID accountId) {
        return new TestTokens(accountId.toString()).role("platform_admin");
    }

    /**
     * A person's token as token-service's sign-in grants make it: {@code sub} = the account, a {@code grant_id}, a
     * first-party {@code client_id}, and no company role of its own: the services look the role up in the people
     * feed ({@code company_id} names the company it acts in, if any).
     */
    public static TestTokens person(UUID accountId) {
        TestTokens t = new TestTokens(accountId.toString()).client("fp_" + shortId());
        t.grantId = UUID.randomUUID().toString();
        return t;
    }

    public static TestTokens companyAdmin(UUID companyId) {
        return new TestTokens("company-admin-" + shortId()).role("company_admin").company(companyId);
    }

    public static TestTokens companyMember(UUID companyId) {
        return new TestTokens("company-member-" + shortId()).role("company_member").company(companyId);
    }

    public static TestTokens developer(UUID developerOrgId) {
        TestTokens t = new TestTokens("developer-" + shortId()).role("developer");
        t.developerOrgId = developerOrgId;
        return t;
    }

    /** An installation token: the app acting in {@code companyId} as its app user {@code appUserId}. */
    public static TestTokens app(UUID companyId, UUID appUserId) {
        return new TestTokens(appUserId.toString()).role("app").company(companyId).client("app_" + shortId());
    }

    /**
     * An app acting for a person, as token-service's authorization code flow for apps makes it: {@code sub} = the
     * person's account, {@code act.sub} = the installation's app user, role {@code delegated_app}, a
     * {@code grant_id}, in {@code companyId}.
     */
    public static TestTokens appForPerson(UUID companyId, UUID accountId, UUID appUserId) {
        TestTokens t = new TestTokens(accountId.toString()).role("delegated_app").company(companyId)
                .client("app_" + shortId());
        t.grantId = UUID.randomUUID().toString();
        t.actor = appUserId;
        return t;
    }

    /** A legacy service account's token: acting in {@code companyId} as its directory user {@code userId}. */
    public static TestTokens legacyServiceAccount(UUID companyId, UUID userId) {
        return new TestTokens(userId.toString()).role("legacy_service_account").company(companyId)
                .client("lsa_" + shortId());
    }

    /** A company service account's token: acting in {@code companyId} as its directory user {@code userId}. */
    public static TestTokens serviceAccount(UUID companyId, UUID userId) {
        return new TestTokens(userId.toString()).role("service_account").company(companyId)
                .client("sa_" + shortId());
    }

    /** An app's own token, without a company selector: it may only list where the app is installed. */
    public static TestTokens appClient(String clientId) {
        return new TestTokens(clientId).client(clientId);
    }

    /** A token with no Gatehouse role at all. */
    public static TestTokens noRole() {
        return new TestTokens("nobody-" + shortId());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public TestTokens role(String role) {
        roles.add(role);
        return this;
    }

    /**
     * The token's scopes, replacing the default: every scope of the catalogue, as a first-party application's
     * token carries them unless it asks for fewer. None at all is a token that may reach only what needs no scope.
     */
    public TestTokens scope(String... scopes) {
        this.scope = String.join(" ", scopes);
        return this;
    }

    /** Every scope of the catalogue but those that cover {@code scope} (any level of its tool at or above it). */
    public TestTokens scopeWithout(String scope) {
        Scope left = ScopeCatalogue.byName(scope).orElseThrow(() -> new IllegalArgumentException(scope));
        return scope(ScopeCatalogue.ALL.stream().filter(s -> !s.covers(left)).map(Scope::name)
                .toArray(String[]::new));
    }

    public TestTokens company(UUID id) {
        this.companyId = id;
        return this;
    }

    /** How the person signed in ({@code acr}), as token-service says it in people's access tokens. */
    public TestTokens acr(String value) {
        this.acr = value;
        return this;
    }

    /** The developer organization the token acts in ({@code developer_org_id}). */
    public TestTokens developerOrg(UUID id) {
        this.developerOrgId = id;
        return this;
    }

    public TestTokens client(String id) {
        this.clientId = id;
        return this;
    }

    public TestTokens issuer(String iss) {
        this.issuer = iss;
        return this;
    }

    public TestTokens expiresIn(Duration d) {
        this.lifetime = d;
        return this;
    }

    public String subject() {
        return subject;
    }

    public String sign() {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(subject)
                .audience(AUDIENCE)
                .issuedAt(now.getEpochSecond())
                .expiresAt(now.plus(lifetime).getEpochSecond())
                .claim("jti", UUID.randomUUID().toString())
                .claim("roles", roles);
        if (companyId != null) {
            claims.claim("company_id", companyId.toString());
        }
        if (developerOrgId != null) {
            claims.claim("developer_org_id", developerOrgId.toString());
        }
        if (clientId != null) {
            claims.claim("client_id", clientId);
        }
        if (grantId != null) {
            claims.claim("grant_id", grantId);
        }
        if (acr != null) {
            claims.claim("acr", acr);
        }
        if (actor != null) {
            claims.claim("act", java.util.Map.of("sub", actor.toString()));
        }
        if (!scope.isEmpty()) {
            claims.claim("scope", scope);
        }
        return claims.jws().keyId("test-key").sign(KEYS.getPrivate());
    }

    /** The {@code jti} of a signed token (read from its payload; nothing is verified). */
    public static String jtiOf(String token) {
        return claimOf(token, "jti");
    }

    /** A text claim of a signed token, null when it has none (read from its payload; nothing is verified). */
    public static String claimOf(String token, String name) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            com.fasterxml.jackson.databind.JsonNode value =
                    dev.gatehouse.events.EventJson.mapper().readTree(payload).get(name);
            return value == null ? null : value.asText();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    /** Signed by a key the services do not trust. */
    public String signWithUnknownKey() {
        return Jwt.issuer(issuer).subject(subject).audience(AUDIENCE).claim("roles", roles)
                .expiresAt(Instant.now().plus(lifetime).getEpochSecond())
                .jws().keyId("other").sign(generate().getPrivate());
    }
}
