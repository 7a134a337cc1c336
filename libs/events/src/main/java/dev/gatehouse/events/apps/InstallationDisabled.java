package dev.gatehouse.events.apps;

/** An installation was disabled: its app gets no tokens for the company and its app user is inactive. */
public record InstallationDisabled(InstallationState installation, String reason) {
}
