package dev.gatehouse.audit.trail;

import java.time.Instant;
import java.util.UUID;

/** Filters of {@code GET /audit/events}; null means "any". {@code from} is inclusive, {@code to} exclusive. */
public record AuditQuery(UUID companyId, String type, Instant from, Instant to, UUID appId, UUID installationId,
        String clientId, String actorId) {
}
