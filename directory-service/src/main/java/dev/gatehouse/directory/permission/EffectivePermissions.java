package dev.gatehouse.directory.permission;

import dev.gatehouse.events.permission.AccessLevel;

import java.util.Map;
import java.util.UUID;

/**
 * What a user may do, for resource servers to enforce: every tool with the level that applies.
 *
 * @param projectId   the project asked about, or null for the company level
 * @param active      an inactive user gets {@code none} everywhere
 * @param member      whether the user is a member of {@code projectId} (null without a project)
 * @param permissions tool name to level. Without a project: the company-level permissions. With a project: the
 *                    membership's level for project-level tools ({@code none} for non-members) and the company
 *                    level for company-only tools
 */
public record EffectivePermissions(UUID userId, UUID companyId, UUID projectId, boolean active, Boolean member,
        Map<String, AccessLevel> permissions) {
}
