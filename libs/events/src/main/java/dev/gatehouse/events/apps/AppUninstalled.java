package dev.gatehouse.events.apps;

/** An app was uninstalled: its app user is deactivated (not deleted) and its tokens are revoked; history stays. */
public record AppUninstalled(InstallationState installation) {
}
