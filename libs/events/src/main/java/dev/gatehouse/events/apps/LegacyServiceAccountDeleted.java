package dev.gatehouse.events.apps;

/** An admin deleted a legacy service account without migrating it: its user is deactivated, its client removed. */
public record LegacyServiceAccountDeleted(LegacyServiceAccountState account) {
}
