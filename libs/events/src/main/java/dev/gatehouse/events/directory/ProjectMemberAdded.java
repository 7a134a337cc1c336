package dev.gatehouse.events.directory;

import dev.gatehouse.events.permission.AccessLevel;

import java.util.Map;
import java.util.UUID;

/** A user became a member of a project, with these project-level tool permissions. */
public record ProjectMemberAdded(UUID userId, UUID companyId, UUID projectId, Map<String, AccessLevel> permissions) {
}
