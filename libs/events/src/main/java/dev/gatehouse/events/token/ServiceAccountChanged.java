package dev.gatehouse.events.token;

import dev.gatehouse.events.permission.AccessLevel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole state of a company service account (Itential's service accounts) after a change, carried by every
 * change so directory-service can keep the account's directory user (kind {@code service_account}) in step by
 * applying each one alone, keeping the highest {@code revision}: created with the account, named like it, with the
 * company and project permissions its admins gave it ("Edit Permissions"), inactive while the account is disabled,
 * deactivated when it is deleted.
 *
 * @param revision           increases by one with every change to this account's state
 * @param userId             its user in the company's directory: the {@code sub} of its tokens
 * @param status             {@code active}, {@code disabled} or {@code deleted}
 * @param companyPermissions company-level tool permissions, tool name to level
 * @param projectPermissions tool permissions on each of its projects
 * @param projectIds         the projects its user is a member of
 * @param highRisk           whether the permissions include a high-risk one (admin on the company Directory)
 */
public record ServiceAccountChanged(
        String clientId,
        int revision,
        UUID companyId,
        String name,
        UUID userId,
        String status,
        Map<String, AccessLevel> companyPermissions,
        Map<String, AccessLevel> projectPermissions,
        List<UUID> projectIds,
        boolean highRisk) {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";
    public static final String DELETED = "deleted";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
