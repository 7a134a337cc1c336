package dev.gatehouse.apps.installrequest;

import dev.gatehouse.apps.installation.ProjectAccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record InstallRequestResponse(UUID id, UUID companyId, UUID appId, String version,
        ProjectAccess projectAccess, List<UUID> projectIds, String note, InstallRequestStatus status,
        Instant requestedAt, String requestedBy, Instant decidedAt, String decidedBy, String decisionNote,
        UUID installationId) {

    static InstallRequestResponse of(InstallRequest r) {
        return new InstallRequestResponse(r.id, r.companyId, r.appId, r.appVersion, r.projectAccess, r.projectIds,
                r.note, r.status, r.requestedAt, r.requestedBy, r.decidedAt, r.decidedBy, r.decisionNote,
                r.installationId);
    }
}
