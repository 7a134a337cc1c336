package dev.gatehouse.token.issue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jose4j.jwt.JwtClaims;

import java.time.Instant;

/**
 * The tokens whose signature and fixed claims (type, issuer, audience, required claims) were checked recently, so
 * that introspecting the same token again (a resource server asks once per request it serves) skips the signature
 * check and JSON parse. What can change over a token's life is checked on every call anyway ({@link TokenVerifier}):
 * expiry, its key still verifying (a retired key's tokens die), revocation, the client. Bounded, so a flood of
 * distinct tokens only evicts; only tokens that passed every check are kept.
 */
final class CheckedTokens {

    /** A token that passed the checks that never change, with what the others need. */
    record Checked(JwtClaims claims, String keyId, String jti, String clientId, Instant issuedAt,
            Instant expiresAt) {
    }

    private final Cache<String, Checked> checked;

    CheckedTokens(int maximumSize) {
        this.checked = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    Checked get(String token) {
        return checked.getIfPresent(token);
    }

    void put(String token, Checked entry) {
        checked.put(token, entry);
    }

    void forget(String token) {
        checked.invalidate(token);
    }
}
