package dev.gatehouse.events.directory;

import dev.gatehouse.events.permission.AccessLevel;

import java.util.Map;
import java.util.UUID;

/**
 * A user's company-level tool permissions changed.
 *
 * @param permissions the complete new set, tool name to level; a tool not named is {@code none}
 */
public record UserPermissionsChanged(UUID userId, UUID companyId, Map<String, AccessLevel> permissions) {
}
