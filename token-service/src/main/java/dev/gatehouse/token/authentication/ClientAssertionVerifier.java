package dev.gatehouse.token.authentication;

import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.client.RegisteredClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.time.Instant;
import java.util.List;

/**
 * Checks a private_key_jwt client assertion (RFC 7523 §3): signed by one of the client's registered keys (RS256,
 * PS256 or ES256), {@code iss} and {@code sub} are the client id, {@code aud} names this server, {@code exp} is
 * present and at most 10 minutes away, and {@code jti} is present (replay is checked by the caller).
 */
@ApplicationScoped
public class ClientAssertionVerifier {

    /** RFC 7523 §2.2. */
    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final int MAX_VALIDITY_MINUTES = 10;

    /** What the caller needs for replay protection. */
    public record Verified(String jti, Instant expiresAt) {
    }

    private final RemoteJwks remote;
    private final String[] audiences;

    public ClientAssertionVerifier(RemoteJwks remote, TokenConfig config) {
        this.remote = remote;
        String issuer = config.issuer().replaceAll("/+$", "");
        this.audiences = new String[] {issuer, issuer + "/oauth2/token", issuer + "/oauth2/introspect",
                issuer + "/oauth2/revoke"};
    }

    /** Fails with a {@link ClientAuthenticator.Failure} when the assertion does not prove the client. */
    public Uni<Verified> verify(RegisteredClient client, String assertion) {
        if (!client.hasRegisteredKeys()) {
            return Uni.createFrom().failure(new ClientAuthenticator.Failure("no_registered_keys",
                    ClientAuthenticator.FAILED));
        }
        // Everything that needs no key is checked first, so a malformed, expired or misaddressed assertion costs
        // no fetch of the client's jwks_uri.
        try {
            consumer(client, null).processToClaims(assertion);
        } catch (InvalidJwtException e) {
            return Uni.createFrom().failure(new ClientAuthenticator.Failure("bad_assertion",
                    ClientAuthenticator.FAILED));
        }
        return keys(client, assertion).map(keys -> check(client, assertion, keys))
                .onFailure(e -> !(e instanceof ClientAuthenticator.Failure))
                .transform(e -> new ClientAuthenticator.Failure("jwks_unavailable", ClientAuthenticator.FAILED));
    }

    private Uni<List<JsonWebKey>> keys(RegisteredClient client, String assertion) {
        if (client.jwks() != null) {
            try {
                return Uni.createFrom().item(new JsonWebKeySet(client.jwks()).getJsonWebKeys());
            } catch (JoseException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return remote.keys(client.jwksUri(), kidOf(assertion));
    }

    private Verified check(RegisteredClient client, String assertion, List<JsonWebKey> keys) {
        try {
            JwtClaims claims = consumer(client, keys).processToClaims(assertion);
            return new Verified(claims.getJwtId(), Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new ClientAuthenticator.Failure("bad_assertion", ClientAuthenticator.FAILED);
        }
    }

    /** The assertion's rules; with {@code keys} null, every rule but the signature (checked before any fetch). */
    private JwtConsumer consumer(RegisteredClient client, List<JsonWebKey> keys) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder();
        if (keys == null) {
            builder.setSkipSignatureVerification();
        } else {
            builder.setVerificationKeyResolver(new JwksVerificationKeyResolver(keys));
        }
        return builder
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256))
                .setExpectedIssuer(client.clientId())
                .setExpectedSubject(client.clientId())
                .setExpectedAudience(audiences)
                .setRequireExpirationTime()
                .setMaxFutureValidityInMinutes(MAX_VALIDITY_MINUTES)
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .build();
    }

    private static String kidOf(String assertion) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(assertion);
            return jws.getKeyIdHeaderValue();
        } catch (JoseException e) {
            return null;
        }
    }
}
