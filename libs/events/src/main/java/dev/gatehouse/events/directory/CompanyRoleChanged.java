package dev.gatehouse.events.directory;

import java.util.UUID;

/**
 * The role a person's account now has in a company, derived from their directory user: {@code company_admin} (admin on
 * the company-level Directory tool), {@code company_member} (any other active person), or {@code none} (not in the
 * company, or deactivated); {@code secondFactorRequired}: the company requires its admins to have signed in with a
 * second factor, so an admin's token without one counts as a member's. On a compacted topic keyed by company and
 * account, so the newest role per person and company is all a reader needs: every service reads it whole into memory
 * and judges people's tokens by it.
 */
public record CompanyRoleChanged(UUID companyId, UUID accountId, UUID userId, String role,
        boolean secondFactorRequired) {

    public static final String ADMIN = "company_admin";
    public static final String MEMBER = "company_member";
    public static final String NONE = "none";

    /** The Kafka key (and aggregate id): one record per company and account survives compaction. */
    public static String key(UUID companyId, UUID accountId) {
        return companyId + ":" + accountId;
    }
}
