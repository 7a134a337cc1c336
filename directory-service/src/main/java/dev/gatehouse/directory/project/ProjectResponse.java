package dev.gatehouse.directory.project;

import java.time.Instant;
import java.util.UUID;

/** A project as the API shows it. */
public record ProjectResponse(UUID id, UUID companyId, String name, ProjectStatus status, Instant createdAt,
        String createdBy, Instant updatedAt, Instant archivedAt) {

    static ProjectResponse of(Project p) {
        return new ProjectResponse(p.id, p.companyId, p.name, p.status, p.createdAt, p.createdBy, p.updatedAt,
                p.archivedAt);
    }
}
