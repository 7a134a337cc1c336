package dev.gatehouse.events.apps;

import java.util.UUID;

/** An admin decided an install request: {@code approved} (with the installation it made) or {@code denied}. */
public record InstallRequestDecided(UUID requestId, UUID companyId, UUID appId, String decision,
        UUID installationId) {
}
