package dev.gatehouse.events.apps;

import java.util.UUID;

/** A version of an app was published; from now on it never changes and companies may install it. */
public record AppVersionPublished(UUID appId, UUID developerOrgId, String clientId, String version,
        AppManifest manifest) {
}
