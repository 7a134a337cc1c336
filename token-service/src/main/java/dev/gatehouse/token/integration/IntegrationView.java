package dev.gatehouse.token.integration;

import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.token.authorize.Consents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An approved integration (Canvas's "Approved integrations"): an app a person authorized to act for them in a
 * company, with what they approved. No token or secret is ever part of it.
 *
 * @param email the person's e-mail address, in a company admin's list only (null in the person's own)
 */
public record IntegrationView(UUID accountId, String email, String clientId, String appName, UUID companyId,
        List<String> scopes, Map<String, AccessLevel> companyPermissions,
        Map<String, AccessLevel> projectPermissions, Instant approvedAt, Instant updatedAt) {

    static IntegrationView of(Consents.Approval a, String appName, String email) {
        return new IntegrationView(a.accountId(), email, a.clientId(), appName, a.companyId(), a.approved().scopes(),
                a.approved().company(), a.approved().project(), a.grantedAt(), a.updatedAt());
    }
}
