package dev.gatehouse.events.apps;

import java.util.UUID;

/** An app's name, description or listing (contact, links) changed; each carries its new value. */
public record AppUpdated(UUID appId, UUID developerOrgId, String name, String description, AppListing listing) {
}
