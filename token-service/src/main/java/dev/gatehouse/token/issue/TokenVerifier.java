package dev.gatehouse.token.issue;

import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.client.ClientCache;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.key.KeyRing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.UnresolvableKeyException;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.jwa.AlgorithmConstraints;

import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides whether one of our access tokens is still good: signature by a key that still verifies (active or
 * previous; a retired key's tokens are dead), {@code typ at+jwt}, our issuer, not expired, not revoked on its
 * own, issued after the client's revoke-all cutoff, and the client still exists and is enabled.
 */
@ApplicationScoped
public class TokenVerifier {

    /** A token that is active, with its claims and client. */
    public record Verified(JwtClaims claims, RegisteredClient client) {
        public String jti() {
            try {
                return claims.getJwtId();
            } catch (MalformedClaimException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The company the token acts in: its {@code company_id} claim, else its client's company; or null. */
        public UUID companyId() {
            try {
                String claimed = claims.getStringClaimValue("company_id");
                return claimed != null ? UUID.fromString(claimed) : client.owner().companyId();
            } catch (MalformedClaimException | IllegalArgumentException e) {
                return client.owner().companyId();
            }
        }
    }

    private final KeyRing keys;
    private final ClientCache clients;
    private final RevocationList revocations;
    private final JwtConsumer consumer;
    private final CheckedTokens checked = new CheckedTokens(4_096);
    private final Clock clock;

    public TokenVerifier(KeyRing keys, ClientCache clients, RevocationList revocations, TokenConfig config,
            Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.clients = clients;
        this.revocations = revocations;
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(this::resolve)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256))
                .setExpectedType(true, AccessTokenIssuer.TYPE)
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setRequireExpirationTime().setRequireIssuedAt().setRequireJwtId()
                .setAllowedClockSkewInSeconds(0)
                .build();
    }

    /** The token if it is active; empty for anything else, whatever the reason (RFC 7662 §2.2 tells no more). */
    public Uni<Optional<Verified>> verify(String token) {
        CheckedTokens.Checked entry = checked.get(token);
        if (entry == null) {
            entry = check(token);
            if (entry == null) {
                return Uni.createFrom().item(Optional.empty());
            }
            checked.put(token, entry);
        } else if (!clock.instant().isBefore(entry.expiresAt())
                || keys.verificationKey(entry.keyId()).isEmpty()) {
            // Expired since, or its key retired: dead, as the full check would now say.
            checked.forget(token);
            return Uni.createFrom().item(Optional.empty());
        }
        CheckedTokens.Checked ok = entry;
        return revocations.isRevoked(ok.jti()).chain(revoked -> revoked
                ? Uni.createFrom().item(Optional.<Verified>empty())
                : clients.find(ok.clientId()).map(client -> client.filter(c -> c.enabled()
                        && !ok.issuedAt().isBefore(c.tokensValidAfter())).map(c -> new Verified(ok.claims(), c))));
    }

    /** Signature, type, issuer, audience, expiry and required claims (jose4j); null if any fails. */
    private CheckedTokens.Checked check(String token) {
        try {
            JwtContext context = consumer.process(token);
            JwtClaims claims = context.getJwtClaims();
            String clientId = claims.getStringClaimValue("client_id");
            if (clientId == null) {
                return null;
            }
            String keyId = context.getJoseObjects().get(0).getKeyIdHeaderValue();
            return new CheckedTokens.Checked(claims, keyId, claims.getJwtId(), clientId,
                    Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return null;
        }
    }

    private Key resolve(JsonWebSignature jws, List<JsonWebStructure> nesting) throws UnresolvableKeyException {
        return keys.verificationKey(jws.getKeyIdHeaderValue())
                .orElseThrow(() -> new UnresolvableKeyException("kid not active or previous"));
    }
}
