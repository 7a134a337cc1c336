package dev.gatehouse.events.apps;

import java.util.UUID;

/** An app's name or description changed; both carry their new values. */
public record AppUpdated(UUID appId, UUID developerOrgId, String name, String description) {
}
