package dev.gatehouse.events.apps;

import java.util.UUID;

/**
 * A developer organization registered an app. token-service creates the app's OAuth client {@code clientId}
 * from it: one credential set for every company that installs the app.
 *
 * @param kind            {@code marketplace} (any company may install it) or {@code company} (only
 *                        {@code owningCompanyId} may)
 * @param owningCompanyId the one company that may install a {@code company} app; null for marketplace apps
 * @param developerOrgName the publishing organization's name, shown to people asked for consent (null in events
 *                        written before it was added)
 */
public record AppRegistered(UUID appId, UUID developerOrgId, String name, String description, String clientId,
        String kind, UUID owningCompanyId, AppListing listing, String developerOrgName) {
}
