package dev.gatehouse.apps.legacy;

/** A legacy service account is active until it is migrated onto an installation or deleted; both are final. */
public enum LegacyAccountStatus {
    active, migrated, deleted
}
