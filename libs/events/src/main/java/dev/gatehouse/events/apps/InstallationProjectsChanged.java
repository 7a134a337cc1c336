package dev.gatehouse.events.apps;

import java.util.List;
import java.util.UUID;

/** The projects an installation may act on changed: by an admin, or because a project appeared or went away. */
public record InstallationProjectsChanged(InstallationState installation, List<UUID> added, List<UUID> removed) {
}
