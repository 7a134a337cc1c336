package dev.gatehouse.events.token;

import java.time.Instant;
import java.util.UUID;

/** A secret was added (create, rotate or regenerate). The secret itself is never in an event. */
public record ClientSecretAdded(String clientId, UUID secretId, Instant expiresAt) {
}
