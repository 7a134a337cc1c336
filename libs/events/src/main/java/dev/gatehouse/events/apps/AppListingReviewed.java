package dev.gatehouse.events.apps;

import java.util.UUID;

/**
 * A platform admin decided on a marketplace app's listing: {@code approved} puts it in every company's catalogue,
 * {@code rejected} keeps it out, with {@code note} as the reason the developer sees.
 */
public record AppListingReviewed(UUID appId, UUID developerOrgId, String decision, String note) {

    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
}
