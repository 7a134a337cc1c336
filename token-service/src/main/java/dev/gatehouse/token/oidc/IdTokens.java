package dev.gatehouse.token.oidc;

import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.key.KeyPairs;
import dev.gatehouse.token.key.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * ID tokens (OpenID Connect Core §2, §3.1.3.6): who signed in, when, how, and for which client. Signed with the
 * client's algorithm by the same keys as access tokens (so the JWKS verifies both), {@code typ: JWT}.
 */
@ApplicationScoped
public class IdTokens {

    /** Password only, and a second factor as well: what {@code acr} says (discovery lists both). */
    public static final String ACR_PASSWORD = "urn:gatehouse:acr:password";
    public static final String ACR_SECOND_FACTOR = "urn:gatehouse:acr:mfa";

    /** The acr for a sign-in's amr (RFC 8176 values, space-separated): a second method besides pwd means mfa. */
    public static String acr(String amr) {
        return amr != null && amr.trim().split(" +").length > 1 ? ACR_SECOND_FACTOR : ACR_PASSWORD;
    }
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** What an ID token says about the person and their sign-in. */
    public record Subject(String accountId, String email, boolean emailVerified, String name, Instant authTime,
            String amr, String sessionId) {
    }

    private final KeyRing keys;
    private final TokenConfig config;
    private final Clock clock;

    public IdTokens(KeyRing keys, TokenConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public String issue(String clientId, String algorithm, Subject subject, List<String> scopes, String nonce,
            String accessToken) {
        long now = clock.instant().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer());
        claims.setSubject(subject.accountId());
        claims.setAudience(clientId);
        claims.setClaim("azp", clientId);
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + LIFETIME.toSeconds()));
        claims.setClaim("auth_time", subject.authTime().getEpochSecond());
        if (nonce != null) {
            claims.setClaim("nonce", nonce);
        }
        List<String> amr = Arrays.asList(subject.amr().split(" "));
        claims.setStringListClaim("amr", amr);
        claims.setClaim("acr", acr(subject.amr()));
        claims.setClaim("at_hash", atHash(accessToken));
        if (subject.sessionId() != null) {
            claims.setClaim("sid", subject.sessionId());
        }
        UserInfoClaims.add(claims::setClaim, subject, scopes);
        return sign(claims, algorithm);
    }

    /** §3.1.3.6: the left half of the SHA-256 of the access token (RS256 and ES256 both use SHA-256), base64url. */
    static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an {@code id_token_hint} says: whose sign-in, for which client, which session. */
    public record Hint(String subject, String clientId, String sessionId) {
    }

    /**
     * An ID token this server issued, read as a logout hint: signature and issuer must hold, expiry need not
     * (OpenID Connect RP-Initiated Logout §2: the OP should accept an expired one). Empty for anything else.
     */
    public Optional<Hint> readHint(String idToken) {
        if (idToken == null || idToken.length() > 8000) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKeyResolver((jws, nesting) -> keys.verificationKey(jws.getKeyIdHeaderValue())
                            .orElseThrow(() -> new UnresolvableKeyException("unknown kid")))
                    .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256,
                            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256))
                    .setExpectedType(true, "JWT")
                    .setExpectedIssuer(config.issuer())
                    .setSkipDefaultAudienceValidation()
                    .setEvaluationTime(NumericDate.fromSeconds(0))
                    .build().processToClaims(idToken);
            List<String> audience = claims.getAudience();
            return audience.size() == 1 ? Optional.of(new Hint(claims.getSubject(), audience.get(0),
                    claims.getStringClaimValue("sid"))) : Optional.empty();
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private String sign(JwtClaims claims, String algorithm) {
        KeyRing.ActiveKey key = keys.active(algorithm);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(KeyPairs.RS256.equals(algorithm) ? AlgorithmIdentifiers.RSA_USING_SHA256
                : AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign an ID token", e);
        }
    }
}
