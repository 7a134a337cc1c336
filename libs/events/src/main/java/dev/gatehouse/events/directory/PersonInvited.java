package dev.gatehouse.events.directory;

import java.util.UUID;

/**
 * A company admin asked that a person of the directory be invited to sign in: token-service e-mails them a one-time
 * link (and a newer invitation replaces an older one). Published when a person is added and when an admin invites
 * them again; never once the person is linked to an account.
 */
public record PersonInvited(UUID userId, UUID companyId, String companyName, String name, String email) {
}
