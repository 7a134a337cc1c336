package dev.gatehouse.events.apps;

import dev.gatehouse.events.permission.AccessLevel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole state of an installation after a change, carried by every installation event so that each consumer
 * (directory's app user, token-service's installation tokens) can apply it without asking anyone. A consumer keeps
 * the highest {@code revision} it has applied and ignores older ones.
 *
 * @param revision           increases by one with every change to this installation
 * @param clientId           the app's OAuth client (token-service), the same for every company
 * @param version            the app version whose manifest is in force
 * @param status             {@code active}, {@code disabled}, {@code uninstalled}, or {@code suspended} (an active or
 *                           disabled installation of an app the company turned off; it goes back to what it was
 *                           when the app is turned on)
 * @param appUserId          the id of the installation's app (DMSA) user in the company's directory
 * @param companyPermissions company-level tool permissions in force, tool name to level
 * @param projectPermissions tool permissions in force on each permitted project
 * @param projectAccess      how the admin chose projects: {@code selected}, {@code all_current} or
 *                           {@code all_current_and_future}
 * @param projectIds         the permitted projects now (resolved; for the "all" choices, every current project)
 * @param highRisk           whether the permissions include a high-risk one (admin on the company Directory)
 */
public record InstallationState(
        UUID installationId,
        int revision,
        UUID companyId,
        UUID appId,
        String appName,
        String clientId,
        String version,
        String status,
        UUID appUserId,
        Map<String, AccessLevel> companyPermissions,
        Map<String, AccessLevel> projectPermissions,
        List<String> scopes,
        String projectAccess,
        List<UUID> projectIds,
        boolean highRisk) {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";
    public static final String UNINSTALLED = "uninstalled";
    public static final String SUSPENDED = "suspended";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
