package dev.gatehouse.people;

import dev.gatehouse.events.apps.DeveloperRoleChanged;
import dev.gatehouse.events.directory.CompanyRoleChanged;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every person's role in every company (as directory-service last announced it) and every developer organization
 * (as app-management-service did). One entry per person and company or organization they belong to: a few tens of
 * bytes each, so a million memberships are well under 100 MB per replica.
 */
public final class RoleBook {

    private final Map<String, String> roles = new ConcurrentHashMap<>();

    public void apply(CompanyRoleChanged change) {
        put("c:" + CompanyRoleChanged.key(change.companyId(), change.accountId()), change.role(),
                CompanyRoleChanged.ADMIN, CompanyRoleChanged.MEMBER);
    }

    public void apply(DeveloperRoleChanged change) {
        put("d:" + DeveloperRoleChanged.key(change.developerOrgId(), change.accountId()), change.role(),
                DeveloperRoleChanged.OWNER, DeveloperRoleChanged.DEVELOPER);
    }

    /** {@code company_admin} or {@code company_member}, or empty when the account is no one in the company. */
    public Optional<String> companyRole(UUID companyId, UUID accountId) {
        return Optional.ofNullable(roles.get("c:" + CompanyRoleChanged.key(companyId, accountId)));
    }

    /** {@code owner} or {@code developer}, or empty when the account is no one in the organization. */
    public Optional<String> developerRole(UUID developerOrgId, UUID accountId) {
        return Optional.ofNullable(roles.get("d:" + DeveloperRoleChanged.key(developerOrgId, accountId)));
    }

    public int size() {
        return roles.size();
    }

    /** Keeps a known role; anything else (none, or a role this version does not know) means no role. */
    private void put(String key, String role, String... known) {
        for (String k : known) {
            if (k.equals(role)) {
                roles.put(key, role);
                return;
            }
        }
        roles.remove(key);
    }
}
