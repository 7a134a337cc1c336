package dev.gatehouse.events.token;

/** A disabled client was enabled again. */
public record ClientEnabled(String clientId) {
}
