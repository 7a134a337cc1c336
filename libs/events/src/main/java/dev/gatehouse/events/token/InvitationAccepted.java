package dev.gatehouse.events.token;

import java.util.UUID;

/**
 * The person a company invited took the invitation with this account: set a password for a new account, or signed in
 * to the one they had. {@code kind} {@code company}: {@code scopeId} is the company, {@code memberId} the directory
 * user, which directory-service now links to the account; {@code developer_org}: {@code scopeId} is the developer
 * organization, {@code memberId} its member, which app-management-service links.
 */
public record InvitationAccepted(UUID invitationId, String kind, UUID scopeId, UUID memberId, UUID accountId) {

    public static final String COMPANY = "company";
    public static final String DEVELOPER_ORG = "developer_org";
}
