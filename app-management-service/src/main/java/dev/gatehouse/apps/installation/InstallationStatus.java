package dev.gatehouse.apps.installation;

/** An installation's lifecycle; the names are those of {@code InstallationState.status}. */
public enum InstallationStatus {
    active, disabled, uninstalled
}
