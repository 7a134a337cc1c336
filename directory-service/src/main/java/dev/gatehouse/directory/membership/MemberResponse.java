package dev.gatehouse.directory.membership;

import dev.gatehouse.events.permission.AccessLevel;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A project membership as the API shows it: every project-level tool, {@code none} included. */
public record MemberResponse(UUID projectId, UUID userId, UUID companyId, Map<String, AccessLevel> permissions,
        Instant addedAt, String addedBy, Instant updatedAt) {

    static MemberResponse of(ProjectMember m) {
        return new MemberResponse(m.projectId, m.userId, m.companyId, m.permissions.shown(true), m.addedAt,
                m.addedBy, m.updatedAt);
    }
}
