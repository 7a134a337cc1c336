package dev.gatehouse.events.apps;

/**
 * The company turned the app off (its binding): the installation is kept as it is, but its status is
 * {@code suspended}, so the app user is inactive and the app's tokens for the company stop, until the app is turned
 * on again ({@link InstallationResumed}).
 */
public record InstallationSuspended(InstallationState installation) {
}
