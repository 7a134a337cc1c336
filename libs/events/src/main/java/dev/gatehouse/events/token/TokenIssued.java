package dev.gatehouse.events.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An access token was issued. Identified by {@code jti}; the token itself is never in an event.
 *
 * @param grantType      the OAuth grant it came from ({@code client_credentials}, {@code authorization_code},
 *                       {@code refresh_token}); null in events written before it was added
 * @param installationId the app installation it acts through (an installation token, or an app acting for a
 *                       person), else null
 * @param accountId      the person it is for (their own token, or an app's acting for them), else null
 */
public record TokenIssued(String clientId, String subject, UUID companyId, List<String> scopes, String jti,
        Instant expiresAt, String grantType, UUID installationId, UUID accountId) {
}
