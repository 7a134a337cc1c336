package dev.gatehouse.directory.permission;

import dev.gatehouse.directory.permissionset.PermissionSet;

import java.util.Map;

/**
 * Body of {@code PUT .../users/{userId}/permissions}: the complete company-level set, tool name to level. Tools
 * left out are {@code none}. Validated by {@link PermissionSet#parse}, so every bad entry is reported at once.
 */
public record PermissionsRequest(Map<String, String> permissions) {
}
