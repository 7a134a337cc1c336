package dev.gatehouse.events.apps;

/** A disabled installation was enabled again. */
public record InstallationEnabled(InstallationState installation) {
}
