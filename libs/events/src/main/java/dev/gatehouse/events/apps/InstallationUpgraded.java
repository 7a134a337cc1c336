package dev.gatehouse.events.apps;

/** An admin approved an upgrade: the installation now runs {@code installation.version()} and its manifest. */
public record InstallationUpgraded(InstallationState installation, String fromVersion) {
}
