package dev.gatehouse.apps.legacy;

import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Change an active legacy service account's access by hand, as the traditional model requires. Each field that is
 * present replaces the current value; absent fields stay.
 */
public record LegacyAccountChange(
        Map<String, String> companyPermissions,
        Map<String, String> projectPermissions,
        @Size(max = 1000, message = "may list at most 1000 projects") List<UUID> projectIds,
        Boolean acknowledgeHighRisk) {
}
