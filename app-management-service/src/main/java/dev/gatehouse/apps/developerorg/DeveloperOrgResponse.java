package dev.gatehouse.apps.developerorg;

import java.time.Instant;
import java.util.UUID;

/** A developer organization as the API shows it. */
public record DeveloperOrgResponse(UUID id, String name, Instant createdAt, String createdBy) {

    static DeveloperOrgResponse of(DeveloperOrg o) {
        return new DeveloperOrgResponse(o.id, o.name, o.createdAt, o.createdBy);
    }
}
