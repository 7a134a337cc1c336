package dev.gatehouse.apps.installation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * Install an app in a company.
 *
 * @param version             a published version; the latest when absent
 * @param projectAccess       {@code selected} (the default) with {@code projectIds}, or one of the "all" choices
 * @param projectIds          the permitted projects for {@code selected}; on a reinstall, absent keeps the earlier list
 * @param acknowledgeHighRisk must be true to install a version with high-risk permissions
 */
public record InstallCommand(
        @NotNull(message = "is required") UUID appId,
        @Size(max = 100) String version,
        ProjectAccess projectAccess,
        @Size(max = 1000, message = "may list at most 1000 projects") List<UUID> projectIds,
        Boolean acknowledgeHighRisk) {
}
