package dev.gatehouse.apps.installrequest;

import dev.gatehouse.apps.installation.ProjectAccess;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** A member asks for an app: which version (latest when absent), which projects, and why. */
public record InstallRequestBody(
        @NotNull(message = "is required") UUID appId,
        @Size(max = 100) String version,
        ProjectAccess projectAccess,
        @Size(max = 1000, message = "may list at most 1000 projects") List<UUID> projectIds,
        @Size(max = 2000, message = "must be at most 2000 characters") String note) {
}
