package dev.gatehouse.token.issue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An issued access token and what it says. {@code value} is the JWT; it is returned once and never stored. */
public record AccessToken(String value, String jti, String clientId, String subject, UUID companyId,
        List<String> scopes, Instant issuedAt, Instant expiresAt) {
}
