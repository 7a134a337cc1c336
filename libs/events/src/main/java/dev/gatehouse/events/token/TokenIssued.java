package dev.gatehouse.events.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An access token was issued. Identified by {@code jti}; the token itself is never in an event. */
public record TokenIssued(String clientId, String subject, UUID companyId, List<String> scopes, String jti,
        Instant expiresAt) {
}
