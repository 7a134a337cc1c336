package dev.gatehouse.events.token;

/** A client was deleted; its secrets and tokens are invalid. */
public record ClientDeleted(String clientId) {
}
