package dev.gatehouse.events.token;

import java.time.Instant;
import java.util.UUID;

/**
 * Tokens of a client stopped being valid: one token ({@code jti} set, dead until {@code expiresAt}), or every
 * token issued to the client before {@code issuedBefore} ({@code jti} null). Every resource server reads these
 * (topic {@code token.revocation.v1}) and refuses such tokens. {@code reason}: {@code revoked_by_client},
 * {@code revoke_all}, {@code client_disabled}, {@code client_deleted}, {@code secrets_regenerated}.
 * {@code companyId} is the company the token (or client) acts in, when it has one.
 */
public record TokenRevoked(String clientId, String jti, String reason, UUID companyId, Instant expiresAt,
        Instant issuedBefore) {

    public static TokenRevoked one(String clientId, String jti, String reason, UUID companyId, Instant expiresAt) {
        return new TokenRevoked(clientId, jti, reason, companyId, expiresAt, null);
    }

    public static TokenRevoked allBefore(String clientId, Instant issuedBefore, String reason, UUID companyId) {
        return new TokenRevoked(clientId, null, reason, companyId, null, issuedBefore);
    }
}
