package dev.gatehouse.events.token;

import java.util.UUID;

/**
 * A person's account exists (token-service owns accounts): how other services learn of an account before linking a
 * person to it. Never carries a password or any other credential.
 */
public record AccountCreated(UUID accountId, String email, boolean platformAdmin) {
}
