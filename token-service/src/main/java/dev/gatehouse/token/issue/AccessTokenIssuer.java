package dev.gatehouse.token.issue;

import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.key.KeyPairs;
import dev.gatehouse.token.key.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints JWT access tokens per RFC 9068: header {@code typ: at+jwt} (§2.1) and {@code kid}; claims {@code iss},
 * {@code sub}, {@code aud}, {@code client_id}, {@code scope}, {@code iat}, {@code exp}, {@code jti} (§2.2), plus
 * {@code company_id} when the token is for a company and the platform {@code roles} of docs/security.md.
 */
@ApplicationScoped
public class AccessTokenIssuer {

    public static final String TYPE = "at+jwt";

    private final KeyRing keys;
    private final TokenConfig config;
    private final Clock clock;

    public AccessTokenIssuer(KeyRing keys, TokenConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public AccessToken issue(String clientId, String subject, UUID companyId, List<String> scopes,
            List<String> roles, int lifetimeSeconds, String algorithm) {
        return issue(clientId, subject, companyId, scopes, roles, lifetimeSeconds, algorithm, Map.of());
    }

    /** As above, with further claims (an installation token's {@code installation_id}). */
    public AccessToken issue(String clientId, String subject, UUID companyId, List<String> scopes,
            List<String> roles, int lifetimeSeconds, String algorithm, Map<String, ?> extraClaims) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expires = now.plusSeconds(lifetimeSeconds);
        String jti = UUID.randomUUID().toString();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer());
        claims.setSubject(subject);
        claims.setAudience(config.audience());
        claims.setClaim("client_id", clientId);
        claims.setClaim("scope", String.join(" ", scopes));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setJwtId(jti);
        if (companyId != null) {
            claims.setClaim("company_id", companyId.toString());
        }
        extraClaims.forEach(claims::setClaim);
        if (!roles.isEmpty()) {
            claims.setStringListClaim("roles", roles);
        }
        return new AccessToken(sign(claims, algorithm), jti, clientId, subject, companyId, scopes, now, expires);
    }

    private String sign(JwtClaims claims, String algorithm) {
        KeyRing.ActiveKey key = keys.active(algorithm);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", TYPE);
        jws.setAlgorithmHeaderValue(KeyPairs.RS256.equals(algorithm) ? AlgorithmIdentifiers.RSA_USING_SHA256
                : AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
    }
}
