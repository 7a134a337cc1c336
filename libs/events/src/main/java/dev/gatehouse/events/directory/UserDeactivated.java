package dev.gatehouse.events.directory;

import java.util.UUID;

/** A user can no longer act in the company; the user and their history stay. */
public record UserDeactivated(UUID userId, UUID companyId, String reason) {
}
