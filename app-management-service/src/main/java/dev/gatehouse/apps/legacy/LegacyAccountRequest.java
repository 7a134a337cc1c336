package dev.gatehouse.apps.legacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Create a legacy service account. Procore's started with no permissions; ours start with what the admin gives.
 *
 * @param companyPermissions  company-level tool permissions, tool name to level (none when absent)
 * @param projectPermissions  permissions on each of {@code projectIds}; only project-level tools
 * @param acknowledgeHighRisk must be true to give admin on the company Directory
 */
public record LegacyAccountRequest(
        @NotBlank(message = "is required") @Size(max = 150, message = "must be at most 150 characters") String name,
        @Size(max = 1000, message = "must be at most 1000 characters") String description,
        Map<String, String> companyPermissions,
        Map<String, String> projectPermissions,
        @Size(max = 1000, message = "may list at most 1000 projects") List<UUID> projectIds,
        Boolean acknowledgeHighRisk) {
}
