package dev.gatehouse.events.directory;

import dev.gatehouse.events.permission.AccessLevel;

import java.util.Map;
import java.util.UUID;

/** A project member's project-level tool permissions changed; {@code permissions} is the complete new set. */
public record ProjectMemberUpdated(UUID userId, UUID companyId, UUID projectId,
        Map<String, AccessLevel> permissions) {
}
