package dev.gatehouse.events.directory;

import java.util.UUID;

/** A person of the directory is now the person who holds this token-service account (they took an invitation). */
public record PersonLinked(UUID userId, UUID companyId, UUID accountId) {
}
