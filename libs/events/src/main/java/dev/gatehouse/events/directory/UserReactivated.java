package dev.gatehouse.events.directory;

import java.util.UUID;

/** A deactivated user can act in the company again. */
public record UserReactivated(UUID userId, UUID companyId) {
}
