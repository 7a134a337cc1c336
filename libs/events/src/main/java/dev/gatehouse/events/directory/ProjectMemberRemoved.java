package dev.gatehouse.events.directory;

import java.util.UUID;

/** A user is no longer a member of a project. */
public record ProjectMemberRemoved(UUID userId, UUID companyId, UUID projectId) {
}
