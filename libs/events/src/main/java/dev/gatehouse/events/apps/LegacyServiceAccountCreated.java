package dev.gatehouse.events.apps;

/** An admin created a legacy (traditional) service account: a directory user plus a company service account. */
public record LegacyServiceAccountCreated(LegacyServiceAccountState account) {
}
