package dev.gatehouse.events.token;

import java.util.UUID;

/**
 * An account was disabled: it cannot sign in, and its sessions, refresh tokens and access tokens ended (the access
 * tokens through a {@code TokenRevoked} for its subject).
 */
public record AccountDisabled(UUID accountId, String reason) {
}
