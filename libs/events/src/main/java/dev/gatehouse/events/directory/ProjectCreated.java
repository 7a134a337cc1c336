package dev.gatehouse.events.directory;

import java.util.UUID;

/** A project was created in a company. */
public record ProjectCreated(UUID projectId, UUID companyId, String name) {
}
