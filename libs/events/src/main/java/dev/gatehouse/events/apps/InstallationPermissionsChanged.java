package dev.gatehouse.events.apps;

/**
 * The permissions in force changed without a version change: a newly published version dropped some, which
 * applies at once, while anything it adds waits for an admin's approval.
 */
public record InstallationPermissionsChanged(InstallationState installation, String reason) {
}
