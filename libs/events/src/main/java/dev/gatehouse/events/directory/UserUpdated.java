package dev.gatehouse.events.directory;

import java.util.UUID;

/** A user's name or email changed; both carry their new values. */
public record UserUpdated(UUID userId, UUID companyId, String name, String email) {
}
