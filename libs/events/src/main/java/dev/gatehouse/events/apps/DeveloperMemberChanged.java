package dev.gatehouse.events.apps;

import java.util.UUID;

/**
 * A member of a developer organization as they are now, after {@code change}: {@code added}, {@code role_changed},
 * {@code removed} or {@code linked} (they took their invitation with {@code accountId}). {@code role} is
 * {@code owner} or {@code developer}; {@code status} {@code invited}, {@code active} or {@code removed}.
 */
public record DeveloperMemberChanged(UUID memberId, UUID developerOrgId, String change, String email, String role,
        String status, UUID accountId) {
}
