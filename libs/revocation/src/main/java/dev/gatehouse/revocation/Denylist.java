package dev.gatehouse.revocation;

import dev.gatehouse.events.token.TokenRevoked;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens this resource server must refuse although their signature and expiry are fine: single tokens by
 * {@code jti} (RFC 7009 revocation) until they expire, and per client every token issued before a cutoff (revoke
 * all, disable, delete, regenerated secrets). Entries are forgotten once no token they could apply to is alive,
 * so the list holds at most one token lifetime's revocations.
 */
public final class Denylist {

    private final Map<String, Instant> revokedUntil = new ConcurrentHashMap<>();
    private final Map<String, Instant> issuedBefore = new ConcurrentHashMap<>();
    private final Duration maxTokenLifetime;

    /** @param maxTokenLifetime the longest lifetime token-service gives a token; a cutoff matters that long. */
    public Denylist(Duration maxTokenLifetime) {
        this.maxTokenLifetime = maxTokenLifetime;
    }

    /** Records one revocation; applying the same event twice, or an older cutoff after a newer one, changes nothing. */
    public void apply(TokenRevoked revoked, Instant occurredAt) {
        if (revoked.jti() != null) {
            // An event without expiry (none is published so) is kept as long as any token could live.
            Instant until = revoked.expiresAt() != null ? revoked.expiresAt() : occurredAt.plus(maxTokenLifetime);
            revokedUntil.merge(revoked.jti(), until, (a, b) -> a.isAfter(b) ? a : b);
        } else if (revoked.clientId() != null) {
            Instant cutoff = revoked.issuedBefore() != null ? revoked.issuedBefore() : occurredAt;
            issuedBefore.merge(revoked.clientId(), cutoff, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Whether a token with these claims was revoked. {@code clientId} and {@code jti} may be null. */
    public boolean isDead(String clientId, String jti, Instant issuedAt) {
        if (jti != null && revokedUntil.containsKey(jti)) {
            return true;
        }
        if (clientId == null) {
            return false;
        }
        Instant cutoff = issuedBefore.get(clientId);
        return cutoff != null && (issuedAt == null || issuedAt.isBefore(cutoff));
    }

    /** Drops what no living token can match any more: expired revoked tokens, cutoffs older than a lifetime. */
    public void forgetExpired(Instant now) {
        revokedUntil.values().removeIf(until -> !until.isAfter(now));
        Instant oldestRelevant = now.minus(maxTokenLifetime);
        issuedBefore.values().removeIf(cutoff -> !cutoff.isAfter(oldestRelevant));
    }

    public int size() {
        return revokedUntil.size() + issuedBefore.size();
    }
}
