package dev.gatehouse.events.directory;

import java.util.UUID;

/** A project's name changed. */
public record ProjectRenamed(UUID projectId, UUID companyId, String previousName, String name) {
}
