package dev.gatehouse.events.token;

import dev.gatehouse.events.permission.AccessLevel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person approved an app to act for them in a company, or approved what it newly asks for: the scopes and the
 * installation's tool permissions they were shown (only the difference when they had approved it before).
 */
public record ConsentGranted(UUID accountId, String clientId, UUID companyId, UUID installationId,
        List<String> scopes, Map<String, AccessLevel> companyPermissions, Map<String, AccessLevel> projectPermissions) {
}
