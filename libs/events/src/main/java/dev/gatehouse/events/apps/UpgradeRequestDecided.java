package dev.gatehouse.events.apps;

import java.util.UUID;

/** An admin decided an upgrade request: {@code approved} or {@code rejected}. */
public record UpgradeRequestDecided(UUID requestId, UUID installationId, UUID companyId, UUID appId,
        String toVersion, String decision) {
}
