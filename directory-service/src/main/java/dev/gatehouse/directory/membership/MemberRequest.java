package dev.gatehouse.directory.membership;


import java.util.Map;

/**
 * Body of {@code PUT .../projects/{projectId}/members/{userId}}: the member's project-level tool permissions,
 * tool name to level. Validated by {@code PermissionSet.parse}, so every bad entry is reported at once.
 */
public record MemberRequest(Map<String, String> permissions) {
}
