package dev.gatehouse.events.apps;

import java.util.UUID;

/**
 * An organization's owner (or a platform admin) asked that a person be invited to develop its apps: token-service
 * e-mails them a one-time link (a newer invitation replaces an older one). Published when the member is added and
 * when they are invited again; never once they are linked to an account.
 */
public record DeveloperInvited(UUID memberId, UUID developerOrgId, String developerOrgName, String name,
        String email, String role) {
}
