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
 * @param credentialKind what issued it, for the access-token inventory: one of the {@code KIND_} constants; null in
 *                       events written before it was added
 */
public record TokenIssued(String clientId, String subject, UUID companyId, List<String> scopes, String jti,
        Instant expiresAt, String grantType, UUID installationId, UUID accountId, String credentialKind) {

    /** An app installation's token (client_credentials for a company). */
    public static final String KIND_INSTALLATION = "installation";
    /** An app's token for a signed-in person (authorization_code, refresh_token). */
    public static final String KIND_USER_DELEGATED = "user_delegated";
    /** A company service account's token. */
    public static final String KIND_SERVICE_ACCOUNT = "service_account";
    /** A legacy service account's token (deprecated accounts). */
    public static final String KIND_LEGACY_SERVICE_ACCOUNT = "legacy_service_account";
    /** A person's own token, from one of the platform's applications. */
    public static final String KIND_PERSON = "person";
    /** An app client's token for itself (no company: it lists where the app is installed). */
    public static final String KIND_APP = "app";
    /** A platform admin client's token. */
    public static final String KIND_PLATFORM = "platform";
}
