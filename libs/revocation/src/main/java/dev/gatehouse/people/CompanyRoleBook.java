package dev.gatehouse.people;

import dev.gatehouse.events.directory.CompanyRoleChanged;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every person's role in every company, as directory-service last announced it ({@code CompanyRoleChanged}). One
 * entry per person and company they belong to: a few tens of bytes each, so a million memberships are well under
 * 100 MB per replica.
 */
public final class CompanyRoleBook {

    private final Map<String, String> roles = new ConcurrentHashMap<>();

    public void apply(CompanyRoleChanged change) {
        String key = CompanyRoleChanged.key(change.companyId(), change.accountId());
        if (CompanyRoleChanged.ADMIN.equals(change.role()) || CompanyRoleChanged.MEMBER.equals(change.role())) {
            roles.put(key, change.role());
        } else {
            roles.remove(key);
        }
    }

    /** {@code company_admin} or {@code company_member}, or empty when the account is no one in the company. */
    public Optional<String> roleOf(UUID companyId, UUID accountId) {
        return Optional.ofNullable(roles.get(CompanyRoleChanged.key(companyId, accountId)));
    }

    public int size() {
        return roles.size();
    }
}
