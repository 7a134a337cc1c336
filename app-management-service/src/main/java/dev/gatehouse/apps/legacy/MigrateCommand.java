package dev.gatehouse.apps.legacy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Move a legacy service account onto an installation of {@code appId}.
 *
 * @param version                a published version to install; the latest when absent (ignored when the app is
 *                               already installed: its installation keeps its version)
 * @param acceptAddedPermissions must be true when the installation grants anything the account did not have
 * @param acknowledgeHighRisk    must be true when installing a version with high-risk permissions
 */
public record MigrateCommand(
        @NotNull(message = "is required") UUID appId,
        @Size(max = 100) String version,
        Boolean acceptAddedPermissions,
        Boolean acknowledgeHighRisk) {
}
