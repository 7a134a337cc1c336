package dev.gatehouse.events.token;

import java.time.Instant;
import java.util.UUID;

/**
 * Tokens stopped being valid. Exactly one selector is set: one token ({@code jti}, dead until {@code expiresAt});
 * every token of one grant ({@code grantId}: a person's sign-in with one client, ended by sign-out or by reuse of
 * its code or refresh token); every token of a person issued before {@code issuedBefore} ({@code subject}: the
 * account was disabled or its password changed); or every token of a client issued before {@code issuedBefore}
 * ({@code clientId} alone). Every resource server reads these (topic {@code token.revocation.v1}) and refuses such
 * tokens. {@code reason}: {@code revoked_by_client}, {@code revoke_all}, {@code client_disabled},
 * {@code client_deleted}, {@code secrets_regenerated}, {@code signed_out}, {@code code_reused},
 * {@code refresh_token_reused}, {@code account_disabled}, {@code password_changed}. {@code companyId} is the
 * company the token (or client) acts in, when it has one.
 */
public record TokenRevoked(String clientId, String jti, String reason, UUID companyId, Instant expiresAt,
        Instant issuedBefore, String subject, String grantId) {

    public static TokenRevoked one(String clientId, String jti, String reason, UUID companyId, Instant expiresAt) {
        return new TokenRevoked(clientId, jti, reason, companyId, expiresAt, null, null, null);
    }

    public static TokenRevoked allBefore(String clientId, Instant issuedBefore, String reason, UUID companyId) {
        return new TokenRevoked(clientId, null, reason, companyId, null, issuedBefore, null, null);
    }

    /** Every token of a person issued before {@code issuedBefore}, whatever client it went to. */
    public static TokenRevoked subjectBefore(String subject, Instant issuedBefore, String reason) {
        return new TokenRevoked(null, null, reason, null, null, issuedBefore, subject, null);
    }

    /** Every token carrying this {@code grant_id}; {@code expiresAt}: when the last of them expires anyway. */
    public static TokenRevoked grant(String clientId, String grantId, String reason, Instant expiresAt) {
        return new TokenRevoked(clientId, null, reason, null, expiresAt, null, null, grantId);
    }
}
