package dev.gatehouse.events.apps;

import java.util.UUID;

/** A developer organization, which owns apps, was created. */
public record DeveloperOrgCreated(UUID developerOrgId, String name) {
}
