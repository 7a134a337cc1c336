package dev.gatehouse.apps.app;

/**
 * Where a marketplace app stands with the platform's review: {@code unlisted} until its first version is published
 * (and always for a company's own app, which needs no review), {@code pending} until a platform admin decides,
 * then {@code approved} (in every company's catalogue) or {@code rejected} (the developer sees the reason; publishing
 * a new version asks again).
 */
public enum ListingStatus {
    unlisted, pending, approved, rejected
}
