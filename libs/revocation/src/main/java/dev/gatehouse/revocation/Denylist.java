package dev.gatehouse.revocation;

import dev.gatehouse.events.token.TokenRevoked;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens this resource server must refuse although their signature and expiry are fine: single tokens by
 * {@code jti} (RFC 7009 revocation) until they expire, every token of an ended grant ({@code grant_id}: a person
 * signed out, or a code or refresh token was reused), and every token issued before a cutoff per person
 * ({@code sub}: disabled, new password) or per client (revoke all, disable, delete, regenerated secrets). Entries
 * are forgotten once no token they could apply to is alive, so the list holds at most one token lifetime's
 * revocations.
 */
public final class Denylist {

    private final Map<String, Instant> revokedUntil = new ConcurrentHashMap<>();
    private final Map<String, Instant> issuedBefore = new ConcurrentHashMap<>();
    private final Map<String, Instant> subjectIssuedBefore = new ConcurrentHashMap<>();
    private final Map<String, Instant> grantEndedUntil = new ConcurrentHashMap<>();
    private final Duration maxTokenLifetime;

    /** @param maxTokenLifetime the longest lifetime token-service gives a token; a cutoff matters that long. */
    public Denylist(Duration maxTokenLifetime) {
        this.maxTokenLifetime = maxTokenLifetime;
    }

    /** Records one revocation; applying the same event twice, or an older cutoff after a newer one, changes nothing. */
    public void apply(TokenRevoked revoked, Instant occurredAt) {
        // An event without expiry (none is published so) is kept as long as any token could live.
        Instant until = revoked.expiresAt() != null ? revoked.expiresAt() : occurredAt.plus(maxTokenLifetime);
        if (revoked.jti() != null) {
            revokedUntil.merge(revoked.jti(), until, Denylist::later);
        } else if (revoked.grantId() != null) {
            grantEndedUntil.merge(revoked.grantId(), until, Denylist::later);
        } else if (revoked.subject() != null) {
            Instant cutoff = revoked.issuedBefore() != null ? revoked.issuedBefore() : occurredAt;
            subjectIssuedBefore.merge(revoked.subject(), cutoff, Denylist::later);
        } else if (revoked.clientId() != null) {
            Instant cutoff = revoked.issuedBefore() != null ? revoked.issuedBefore() : occurredAt;
            issuedBefore.merge(revoked.clientId(), cutoff, Denylist::later);
        }
    }

    /** Whether a token with these claims was revoked. Any of them may be null. */
    public boolean isDead(String clientId, String jti, Instant issuedAt) {
        return isDead(clientId, null, jti, null, issuedAt);
    }

    /** Whether a token with these claims was revoked. Any of them may be null. */
    public boolean isDead(String clientId, String subject, String jti, String grantId, Instant issuedAt) {
        if (jti != null && revokedUntil.containsKey(jti)) {
            return true;
        }
        if (grantId != null && grantEndedUntil.containsKey(grantId)) {
            return true;
        }
        return before(subjectIssuedBefore, subject, issuedAt) || before(issuedBefore, clientId, issuedAt);
    }

    private static boolean before(Map<String, Instant> cutoffs, String key, Instant issuedAt) {
        Instant cutoff = key == null ? null : cutoffs.get(key);
        return cutoff != null && (issuedAt == null || issuedAt.isBefore(cutoff));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Drops what no living token can match any more: expired revoked tokens, cutoffs older than a lifetime. */
    public void forgetExpired(Instant now) {
        revokedUntil.values().removeIf(until -> !until.isAfter(now));
        grantEndedUntil.values().removeIf(until -> !until.isAfter(now));
        Instant oldestRelevant = now.minus(maxTokenLifetime);
        issuedBefore.values().removeIf(cutoff -> !cutoff.isAfter(oldestRelevant));
        subjectIssuedBefore.values().removeIf(cutoff -> !cutoff.isAfter(oldestRelevant));
    }

    public int size() {
        return revokedUntil.size() + issuedBefore.size() + subjectIssuedBefore.size() + grantEndedUntil.size();
    }
}
