package dev.gatehouse.directory.permission;

import dev.gatehouse.events.permission.AccessLevel;

import java.util.Map;
import java.util.UUID;

/** A user's company-level permissions: every tool, {@code none} included, in catalogue order. */
public record PermissionsResponse(UUID userId, UUID companyId, Map<String, AccessLevel> permissions) {
}
