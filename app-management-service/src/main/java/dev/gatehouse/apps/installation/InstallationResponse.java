package dev.gatehouse.apps.installation;

import dev.gatehouse.events.permission.AccessLevel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An installation as the API shows it: what is in force now, and for whom.
 *
 * @param status    the admin's lifecycle choice (active, disabled, uninstalled)
 * @param suspended the company turned the app off (its binding): nothing the installation grants works until the app
 *                  is turned on again, when it is back as {@code status} says
 */
public record InstallationResponse(UUID id, UUID companyId, UUID appId, String appName, String clientId,
        String version, InstallationStatus status, String statusReason, boolean suspended, UUID appUserId,
        int revision,
        Map<String, AccessLevel> companyPermissions, Map<String, AccessLevel> projectPermissions,
        List<String> scopes, ProjectAccess projectAccess, List<UUID> projectIds, boolean highRisk,
        Instant installedAt, String installedBy, Instant updatedAt, String updatedBy) {

    public static InstallationResponse of(InstallationService.Installed found) {
        Installation i = found.installation();
        return new InstallationResponse(i.id, i.companyId, i.appId, found.app().name, found.app().clientId,
                i.appVersion, i.status, i.statusReason, i.suspended, i.appUserId, i.revision,
                i.grants.companyPermissions(),
                i.grants.projectPermissions(), i.grants.scopes(), i.projectAccess, i.projectIds, i.highRisk,
                i.installedAt, i.installedBy, i.updatedAt, i.updatedBy);
    }
}
