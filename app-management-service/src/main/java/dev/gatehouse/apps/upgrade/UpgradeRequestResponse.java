package dev.gatehouse.apps.upgrade;

import java.time.Instant;
import java.util.UUID;

/** An upgrade request and its exact diff. */
public record UpgradeRequestResponse(UUID id, UUID installationId, UUID companyId, UUID appId, String fromVersion,
        String toVersion, GrantDiff diff, boolean highRisk, UpgradeStatus status, Instant createdAt,
        Instant decidedAt, String decidedBy) {

    static UpgradeRequestResponse of(UpgradeRequest r) {
        return new UpgradeRequestResponse(r.id, r.installationId, r.companyId, r.appId, r.fromVersion, r.toVersion,
                r.diff, r.highRisk, r.status, r.createdAt, r.decidedAt, r.decidedBy);
    }
}
