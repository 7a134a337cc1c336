package dev.gatehouse.apps.legacy;

import dev.gatehouse.events.permission.AccessLevel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A legacy service account as the API shows it: always {@code deprecated: true}, with where to go instead. Its
 * client's secrets are token-service's ({@code /companies/{companyId}/service-accounts/{clientId}}); none appear
 * here.
 */
public record LegacyServiceAccountResponse(UUID id, UUID companyId, String name, String description,
        boolean deprecated, String deprecation, LegacyAccountStatus status, UUID userId, String clientId,
        Map<String, AccessLevel> companyPermissions, Map<String, AccessLevel> projectPermissions,
        List<UUID> projectIds, boolean highRisk, UUID installationId, UUID migratedToAppId, int revision,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public static LegacyServiceAccountResponse of(LegacyServiceAccount a) {
        String deprecation = "Legacy service accounts are deprecated: the admin must hand the client secret to the "
                + "developer, and their access is set by hand. Install the developer's app instead and move this "
                + "account onto it with POST /companies/" + a.companyId + "/legacy-service-accounts/" + a.id
                + "/migrate.";
        return new LegacyServiceAccountResponse(a.id, a.companyId, a.name, a.description, true, deprecation, a.status,
                a.userId, a.clientId, a.grants.companyPermissions(), a.grants.projectPermissions(), a.projectIds,
                a.highRisk, a.installationId, a.migratedAppId, a.revision, a.createdAt, a.createdBy, a.updatedAt,
                a.updatedBy);
    }
}
