package dev.gatehouse.events.apps;

/** The company turned the app on again: the suspended installation is back as it was before it was turned off. */
public record InstallationResumed(InstallationState installation) {
}
