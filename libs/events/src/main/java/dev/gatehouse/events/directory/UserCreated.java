package dev.gatehouse.events.directory;

import java.util.UUID;

/**
 * A user joined a company's directory: a person ({@code kind = person}) or an installation's app user
 * ({@code kind = app}, with the app and installation that manage it).
 */
public record UserCreated(UUID userId, UUID companyId, String kind, String name, String email, UUID appId,
        UUID installationId) {
}
