package dev.gatehouse.events.token;

import java.util.UUID;

/** A disabled account may sign in again; what it had before stays ended. */
public record AccountEnabled(UUID accountId) {
}
