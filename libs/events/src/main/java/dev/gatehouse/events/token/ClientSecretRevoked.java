package dev.gatehouse.events.token;

import java.util.UUID;

/** A secret stopped being valid. {@code reason}: revoked, regenerated. */
public record ClientSecretRevoked(String clientId, UUID secretId, String reason) {
}
