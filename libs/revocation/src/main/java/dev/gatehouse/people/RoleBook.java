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

    /** A person's role in a company, and whether the company requires admins to use a second factor. */
    public record CompanyRole(String role, boolean secondFactorRequired) {
    }

    /** Admin roles of companies that require a second factor are kept with this mark. */
    private static final String SECOND_FACTOR = "+2fa";

    public void apply(CompanyRoleChanged change) {
        String role = change.role();
        if (CompanyRoleChanged.ADMIN.equals(role) && change.secondFactorRequired()) {
            role += SECOND_FACTOR;
        }
        put("c:" + CompanyRoleChanged.key(change.companyId(), change.accountId()), role,
                CompanyRoleChanged.ADMIN, CompanyRoleChanged.ADMIN + SECOND_FACTOR, CompanyRoleChanged.MEMBER);
    }

    public void apply(DeveloperRoleChanged change) {
        put("d:" + DeveloperRoleChanged.key(change.developerOrgId(), change.accountId()), change.role(),
                DeveloperRoleChanged.OWNER, DeveloperRoleChanged.DEVELOPER);
    }

    /** {@code company_admin} or {@code company_member}, or empty when the account is no one in the company. */
    public Optional<CompanyRole> companyRole(UUID companyId, UUID accountId) {
        return Optional.ofNullable(roles.get("c:" + CompanyRoleChanged.key(companyId, accountId))).map(r -> r.endsWith(
                SECOND_FACTOR) ? new CompanyRole(r.substring(0, r.length() - SECOND_FACTOR.length()), true)
                : new CompanyRole(r, false));
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
