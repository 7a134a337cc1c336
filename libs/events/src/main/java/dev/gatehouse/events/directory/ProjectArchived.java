package dev.gatehouse.events.directory;

import java.time.Instant;
import java.util.UUID;

/** A project was archived: it stays readable, but takes no more changes. */
public record ProjectArchived(UUID projectId, UUID companyId, Instant archivedAt) {
}
