package dev.gatehouse.events.token;

import java.util.UUID;

/**
 * A person's approval of an app in a company was revoked, by the person or by an admin of the company: the
 * approval is forgotten and every refresh and access token the app got for the person there is dead.
 */
public record IntegrationRevoked(UUID accountId, String clientId, UUID companyId) {
}
