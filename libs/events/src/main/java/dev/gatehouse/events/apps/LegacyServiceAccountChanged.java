package dev.gatehouse.events.apps;

/** An admin changed a legacy service account's permissions or projects. */
public record LegacyServiceAccountChanged(LegacyServiceAccountState account) {
}
