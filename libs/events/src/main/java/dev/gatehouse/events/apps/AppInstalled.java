package dev.gatehouse.events.apps;

/** An app was installed in a company, or installed again after an uninstall (same installation, same app user). */
public record AppInstalled(InstallationState installation) {
}
